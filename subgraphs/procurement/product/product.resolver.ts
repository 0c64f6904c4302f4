import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { Product } from './product.entity';
import { ProductFilter } from './product.input';
import { getProduct, listProducts } from './product.service';
import type { EntityReference } from '../../shared/graphql/entity-reference';

@ObjectType({ description: 'A page of catalogue products.' })
export class ProductConnection extends Connection(Product, 'The products of this page, ordered by id.') {}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'The product catalogue (产品目录), filtered and paginated.' })
  products(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Filters; omitted means the whole catalogue.' }) filter?: ProductFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listProducts(ctx, filter, page);
  }

  @Query(() => Product, { nullable: true, description: 'One product by id; null with a NOT_FOUND error when there is none.' })
  product(@Ctx() ctx: ProcurementContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getProduct(ctx, id);
  }

  @FieldResolver(() => Enterprise, { description: 'The manufacturer (生产企业), resolved by the distribution subgraph.' })
  manufacturer(@Root() product: Product): EntityReference {
    return enterpriseReference(product.manufacturerId);
  }
}
