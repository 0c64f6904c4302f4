import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar } from '../../shared/graphql/scalars';
import type { InsuranceContext } from '../context';
import { Product } from '../product/product.stub';
import { Institution } from '../references/stubs';
import { AppliedPrepaymentPolicy, Prepayment, PrepaymentEntry, PrepaymentStatus } from './prepayment.entity';
import { PrepaymentFilter, RecordClaimOffsetInput, RecordPrepaymentDisbursementInput, RecoverPrepaymentLeftoverInput } from './prepayment.input';
import { listPrepayments, PrepaymentOn, prepaymentStatusOn, recordClaimOffset, recordPrepaymentDisbursement, recoverPrepaymentLeftover } from './prepayment.service';

@ObjectType({ description: 'A page of prepayments.' })
export class PrepaymentConnection extends Connection(Prepayment, 'The prepayments of this page, ordered by id.') {}

@Resolver(() => Prepayment)
export class PrepaymentResolver {
  @Query(() => PrepaymentConnection, { description: 'Fund prepayments (医保基金预付) within the caller’s scope: an institution its own, insurance and finance regulators their region (I-05).' })
  prepayments(
    @Ctx() ctx: InsuranceContext,
    @Arg('filter', () => PrepaymentFilter, { nullable: true, description: 'Filters; omitted means every prepayment in scope, judged today.' }) filter?: PrepaymentFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listPrepayments(ctx, filter, page);
  }

  @Mutation(() => Prepayment, { description: 'The insurance bureau records paying a prepayment out (I-05, G-02); idempotent under its key.' })
  recordPrepaymentDisbursement(
    @Ctx() ctx: InsuranceContext,
    @Arg('input', () => RecordPrepaymentDisbursementInput, { description: 'The payout.' }) input: RecordPrepaymentDisbursementInput,
  ) {
    return recordPrepaymentDisbursement(ctx, input);
  }

  @Mutation(() => Prepayment, { description: 'The insurance bureau offsets part of a prepayment against the institution’s claim (I-05, G-03); idempotent under its key.' })
  recordClaimOffset(@Ctx() ctx: InsuranceContext, @Arg('input', () => RecordClaimOffsetInput, { description: 'The offset.' }) input: RecordClaimOffsetInput) {
    return recordClaimOffset(ctx, input);
  }

  @Mutation(() => Prepayment, { description: 'The insurance bureau recovers the leftover of a prepayment after its contract year (G-03); idempotent under its key.' })
  recoverPrepaymentLeftover(
    @Ctx() ctx: InsuranceContext,
    @Arg('input', () => RecoverPrepaymentLeftoverInput, { description: 'The recovery.' }) input: RecoverPrepaymentLeftoverInput,
  ) {
    return recoverPrepaymentLeftover(ctx, input);
  }

  @FieldResolver(() => PrepaymentStatus, { description: 'DUE, PAID or OVERDUE on the day asked about (G-02).' })
  status(@Root() p: PrepaymentOn): PrepaymentStatus {
    return prepaymentStatusOn(p, p.asOf);
  }

  @FieldResolver(() => DateScalar, { description: 'The day the status is judged on.' })
  asOf(@Root() p: PrepaymentOn): string {
    return p.asOf;
  }

  @FieldResolver(() => AppliedPrepaymentPolicy, { description: 'The policy versions it was set up under.' })
  policy(@Root() p: Prepayment): AppliedPrepaymentPolicy {
    return {
      share: p.share,
      shareRegionCode: p.sharePolicyRegionCode,
      shareEffectiveFrom: p.sharePolicyEffectiveFrom,
      shareDocument: p.sharePolicyDocument,
      deadlineDays: p.deadlineDays,
      deadlineDocument: p.deadlinePolicyDocument,
      recoveryDocument: p.recoveryPolicyDocument,
      continuesAfterCompletion: p.continuesAfterCompletion,
    };
  }

  @FieldResolver(() => Institution, { description: 'The institution prepaid, resolved by the procurement subgraph.' })
  institution(@Root() p: Prepayment): EntityReference {
    return { id: p.institutionId };
  }

  @FieldResolver(() => Product, { description: 'The winning product of the agreed volume.' })
  product(@Root() p: Prepayment): Product {
    return { id: p.productId };
  }

  @FieldResolver(() => [PrepaymentEntry], { description: 'The ledger, oldest first: its amounts always add up to the balance.' })
  entries(@Root() p: Prepayment, @Ctx() ctx: InsuranceContext) {
    return ctx.loaders.prepaymentEntries.load(p.id);
  }
}
