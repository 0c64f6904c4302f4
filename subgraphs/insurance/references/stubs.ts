import { entityReference } from '../../shared/graphql/entity-reference';

/** Entities other subgraphs own, which payables point at by id. */
export const Institution = entityReference('Institution');
export const Enterprise = entityReference('Enterprise');
export const OrderReference = entityReference('Order');
