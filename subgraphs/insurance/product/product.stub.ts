import { EntityReference, extendedEntity } from '../../shared/graphql/entity-reference';

/** Procurement's Product, extended here with what insurance knows about it (its payment standard). */
export const Product = extendedEntity('Product');
export type Product = EntityReference;
