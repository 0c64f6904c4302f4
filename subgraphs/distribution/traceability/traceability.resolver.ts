import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import type { DistributionContext } from '../context';
import { Delivery } from '../delivery/delivery.entity';
import { Product } from '../references/stubs';
import { TraceabilityCode } from './traceability.entity';
import { RecordTraceabilityCodesInput } from './traceability.input';
import { findTraceabilityCode, recordTraceabilityCodes } from './traceability.service';

@Resolver(() => TraceabilityCode)
export class TraceabilityCodeResolver {
  @Query(() => TraceabilityCode, { nullable: true, description: 'D-06: the delivered pack with this 20-digit traceability code (追溯码); NOT_FOUND unless the caller may see its delivery.' })
  traceabilityCode(@Ctx() ctx: DistributionContext, @Arg('code', () => String, { description: 'The 20-digit code.' }) code: string) {
    return findTraceabilityCode(ctx, code);
  }

  @Mutation(() => Delivery, { description: 'D-06: the calling distributor records the traceability codes of the packs on one of its deliveries.' })
  recordTraceabilityCodes(@Ctx() ctx: DistributionContext, @Arg('input', () => RecordTraceabilityCodesInput, { description: 'The codes.' }) input: RecordTraceabilityCodesInput) {
    return recordTraceabilityCodes(ctx, input);
  }

  @FieldResolver(() => Delivery, { nullable: true, description: 'The delivery that carried the pack.' })
  delivery(@Root() code: TraceabilityCode, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.deliveryById.load(code.deliveryId);
  }

  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() code: TraceabilityCode): EntityReference {
    return { id: code.productId };
  }
}
