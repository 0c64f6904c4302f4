import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar } from '../../shared/graphql/scalars';
import type { QualityContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { Product } from '../product/product.stub';
import { ProductionStopNotice, ShortageWarning, ShortageWatchEntry } from './shortage.entity';
import { UpdateShortageWatchListInput } from './shortage.input';
import { listWatchEntries, shortageWarnings, updateShortageWatchList } from './shortage.service';

@ObjectType({ description: 'A page of watch-list entries.' })
export class ShortageWatchEntryConnection extends Connection(ShortageWatchEntry, 'The entries of this page, by product, list and region.') {}

@ObjectType({ description: 'A page of shortage warnings.' })
export class ShortageWarningConnection extends Connection(ShortageWarning, 'The warnings of this page, ordered by product id.') {}

@Resolver(() => ShortageWarning)
export class ShortageWarningResolver {
  @Query(() => ShortageWarningConnection, { description: 'Shortage early warnings (短缺预警) for watched products in a region on a date (Q-06), by product id, paginated: regulators for their region, an institution for its own region or those above it.' })
  shortageWarnings(
    @Ctx() ctx: QualityContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code of the region.' }) regionCode: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today in China.' }) on?: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return shortageWarnings(ctx, regionCode, on, page);
  }

  @Query(() => ShortageWatchEntryConnection, { description: 'The products on a shortage watch list (Q-06) for a region, set there, above it or below it.' })
  shortageWatchList(
    @Ctx() ctx: QualityContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code of the region.' }) regionCode: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listWatchEntries(ctx, regionCode, page);
  }

  @Mutation(() => ShortageWatchEntry, { description: 'Puts a product on a shortage watch list for a region or takes it off (Q-06).' })
  updateShortageWatchList(@Ctx() ctx: QualityContext, @Arg('input', () => UpdateShortageWatchListInput, { description: 'The change.' }) input: UpdateShortageWatchListInput) {
    return updateShortageWatchList(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The watched product.' })
  product(@Root() warning: ShortageWarning): Product {
    return { id: warning.productId };
  }
}

@Resolver(() => ShortageWatchEntry)
export class ShortageWatchEntryResolver {
  @FieldResolver(() => Product, { description: 'The watched product.' })
  product(@Root() entry: ShortageWatchEntry): Product {
    return { id: entry.productId };
  }
}

@Resolver(() => ProductionStopNotice)
export class ProductionStopNoticeResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise that stopped production, resolved by the distribution subgraph.' })
  enterprise(@Root() stop: ProductionStopNotice): EntityReference {
    return enterpriseReference(stop.enterpriseId);
  }
}
