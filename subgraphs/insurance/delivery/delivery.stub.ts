import { EntityReference, extendedEntity } from '../../shared/graphql/entity-reference';

/** Distribution's Delivery, extended here with the payable its confirmed receipt opened. */
export const Delivery = extendedEntity('Delivery');
export type Delivery = EntityReference;
