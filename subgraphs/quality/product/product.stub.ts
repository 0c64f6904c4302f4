import { EntityReference, extendedEntity } from '../../shared/graphql/entity-reference';

/** Procurement's Product, extended here with its inspections. */
export const Product = extendedEntity('Product');
export type Product = EntityReference;
