import { entityReference } from '../../shared/graphql/entity-reference';

/** Entities procurement owns, which deliveries point at by id. */
export const Product = entityReference('Product');
export const Institution = entityReference('Institution');
export const OrderReference = entityReference('Order');
