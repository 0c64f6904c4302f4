import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { Product } from '../product/product.entity';
import { FiledPurchase } from './filed-purchase.entity';
import { FiledPurchaseFilter, FileOffListPurchaseInput } from './filed-purchase.input';
import { fileOffListPurchase, listFiledPurchases } from './filed-purchase.service';

@ObjectType({ description: 'A page of filed purchases.' })
export class FiledPurchaseConnection extends Connection(FiledPurchase, 'The filed purchases of this page, ordered by id.') {}

@Resolver(() => FiledPurchase)
export class FiledPurchaseResolver {
  @Query(() => FiledPurchaseConnection, { description: 'Filed (off-list) purchases (备案采购) within the caller’s scope: an institution its own, insurance and health regulators their region (P-07).' })
  filedPurchases(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => FiledPurchaseFilter, { nullable: true, description: 'Filters; omitted means every filed purchase in scope.' }) filter?: FiledPurchaseFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listFiledPurchases(ctx, filter, page);
  }

  @Mutation(() => FiledPurchase, { description: 'Registers a purchase of an unlisted product by the calling institution (备案采购, P-07), within the caps and flagged when later than G-06 working days.' })
  fileOffListPurchase(@Ctx() ctx: ProcurementContext, @Arg('input', () => FileOffListPurchaseInput, { description: 'The purchase.' }) input: FileOffListPurchaseInput) {
    return fileOffListPurchase(ctx, input);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The catalogue product; null when the purchase names a described product.' })
  product(@Root() filed: FiledPurchase, @Ctx() ctx: ProcurementContext) {
    return filed.productId ? ctx.loaders.productById.load(filed.productId) : null;
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The purchasing institution.' })
  institution(@Root() filed: FiledPurchase, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(filed.institutionId);
  }
}
