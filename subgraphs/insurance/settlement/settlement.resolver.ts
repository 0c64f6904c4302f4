import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar } from '../../shared/graphql/scalars';
import type { InsuranceContext } from '../context';
import { Product } from '../product/product.stub';
import { Delivery } from '../delivery/delivery.stub';
import { Enterprise, Institution, OrderReference } from '../references/stubs';
import { AppliedPaymentTerm, AppliedSettlementPayer, Settlement, SettlementLine, SettlementStatus } from './settlement.entity';
import { RecordPaymentInput, SettlementFilter } from './settlement.input';
import { listSettlements, recordPayment, settlementForDelivery, SettlementOn, statusOn } from './settlement.service';
import { todayInChina } from '../../shared/graphql/scalars';
import type { EntityReference } from '../../shared/graphql/entity-reference';

@ObjectType({ description: 'A page of payables.' })
export class SettlementConnection extends Connection(Settlement, 'The payables of this page, ordered by id.') {}

const DAY_MS = 86_400_000;

@Resolver(() => Settlement)
export class SettlementResolver {
  @Query(() => SettlementConnection, { description: 'Payables (应付货款) within the caller’s scope: an institution its payables, an enterprise its receivables, insurance and finance regulators their region.' })
  settlements(
    @Ctx() ctx: InsuranceContext,
    @Arg('filter', () => SettlementFilter, { nullable: true, description: 'Filters; omitted means every payable in scope, judged today.' }) filter?: SettlementFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listSettlements(ctx, filter, page);
  }

  @Query(() => Settlement, { nullable: true, description: 'The payable a delivery opened, with its status on `asOf`; null with NOT_FOUND before receipt is confirmed or outside the caller’s scope.' })
  settlementStatus(
    @Ctx() ctx: InsuranceContext,
    @Arg('deliveryId', () => ID, { description: 'The delivery.' }) deliveryId: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to judge the status on; default today in China.' }) asOf?: string,
  ) {
    return settlementForDelivery(ctx, deliveryId, asOf);
  }

  @Mutation(() => Settlement, { description: 'The calling institution records paying a payable in full (I-06); idempotent under its key.' })
  recordPayment(@Ctx() ctx: InsuranceContext, @Arg('input', () => RecordPaymentInput, { description: 'The payment.' }) input: RecordPaymentInput) {
    return recordPayment(ctx, input);
  }

  @FieldResolver(() => SettlementStatus, { description: 'DUE, PAID or OVERDUE on the day asked about (I-06).' })
  status(@Root() s: SettlementOn): SettlementStatus {
    return statusOn(s, s.asOf);
  }

  @FieldResolver(() => DateScalar, { description: 'The day the status is judged on.' })
  asOf(@Root() s: SettlementOn): string {
    return s.asOf;
  }

  @FieldResolver(() => Int, { description: 'Days past the due date, unpaid, on the day asked about; 0 when not overdue.' })
  daysOverdue(@Root() s: SettlementOn): number {
    return statusOn(s, s.asOf) === SettlementStatus.OVERDUE ? Math.round((Date.parse(s.asOf) - Date.parse(s.dueDate)) / DAY_MS) : 0;
  }

  @FieldResolver(() => Boolean, { description: 'True when it was paid after its due date.' })
  paidLate(@Root() s: Settlement): boolean {
    return s.paidOn !== null && s.paidOn > s.dueDate;
  }

  @FieldResolver(() => AppliedPaymentTerm, { description: 'The G-04 term that set the due date, and its source.' })
  paymentTerm(@Root() s: Settlement): AppliedPaymentTerm {
    return { basis: s.termBasis as AppliedPaymentTerm['basis'], days: s.termDays, regionCode: s.termRegionCode, document: s.termDocument };
  }

  @FieldResolver(() => AppliedSettlementPayer, { description: 'I-08: who pays the enterprise (the institution, or the fund where a direct-settlement pilot was in force on acceptance), and the policy version.' })
  payer(@Root() s: Settlement): AppliedSettlementPayer {
    return { payer: s.payer, regionCode: s.payerPolicyRegionCode, effectiveFrom: s.payerPolicyEffectiveFrom, document: s.payerPolicyDocument };
  }

  @FieldResolver(() => Institution, { description: 'The paying institution, resolved by the procurement subgraph.' })
  institution(@Root() s: Settlement): EntityReference {
    return { id: s.institutionId };
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise owed (the distributor that delivered), resolved by the distribution subgraph.' })
  enterprise(@Root() s: Settlement): EntityReference {
    return { id: s.enterpriseId };
  }

  @FieldResolver(() => Delivery, { description: 'The delivery paid for, resolved by the distribution subgraph.' })
  delivery(@Root() s: Settlement): EntityReference {
    return { id: s.deliveryId };
  }

  @FieldResolver(() => OrderReference, { description: 'The order, resolved by the procurement subgraph.' })
  order(@Root() s: Settlement): EntityReference {
    return { id: s.orderId };
  }

  @FieldResolver(() => [SettlementLine], { description: 'What is being paid for, line by line.' })
  lines(@Root() s: Settlement, @Ctx() ctx: InsuranceContext) {
    return ctx.loaders.settlementLines.load(s.id);
  }
}

@Resolver(() => SettlementLine)
export class SettlementLineResolver {
  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() line: SettlementLine): EntityReference {
    return { id: line.productId };
  }
}

@Resolver(() => Delivery)
export class DeliverySettlementResolver {
  @FieldResolver(() => Settlement, {
    nullable: true,
    description: 'The payable (应付货款) this delivery’s confirmed receipt opened, with its status on `asOf`; null before receipt is confirmed or outside the caller’s scope.',
  })
  async settlement(
    @Root() delivery: Delivery,
    @Ctx() ctx: InsuranceContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to judge the status on; default today in China.' }) asOf?: string,
  ): Promise<SettlementOn | null> {
    const found = await ctx.loaders.settlementByDelivery.load(delivery.id);
    return found ? Object.assign(found, { asOf: asOf ?? todayInChina() }) : null;
  }
}
