import { entityReference } from '../../shared/graphql/entity-reference';

/** Entities procurement owns, which deliveries point at by id (Order is extended, in order/order.stub.ts). */
export const Product = entityReference('Product');
export const Institution = entityReference('Institution');
