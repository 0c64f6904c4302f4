import { EntityReference, extendedEntity } from '../../shared/graphql/entity-reference';

/** Procurement's Order, extended here with its delivery. */
export const Order = extendedEntity('Order');
export type Order = EntityReference;
