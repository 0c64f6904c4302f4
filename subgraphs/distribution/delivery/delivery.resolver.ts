import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { DistributionContext } from '../context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution, Product } from '../references/stubs';
import { Order as OrderReference } from '../order/order.stub';
import { Delivery, DeliveryLine } from './delivery.entity';
import { ConfirmReceiptInput, DeliveryFilter, ShipOrderInput } from './delivery.input';
import { confirmReceipt, getDelivery, listDeliveries, shipOrder } from './delivery.service';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { DeliveryDiscrepancy, ReceiptLine } from '../receipt/receipt.entity';
import { TraceabilityCode } from '../traceability/traceability.entity';

@ObjectType({ description: 'A page of deliveries.' })
export class DeliveryConnection extends Connection(Delivery, 'The deliveries of this page, ordered by id.') {}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Query(() => DeliveryConnection, { description: 'Deliveries (配送单) within the caller’s scope: a distributor its own, an institution those to it, a manufacturer those carrying its products, regulators their region.' })
  deliveries(
    @Ctx() ctx: DistributionContext,
    @Arg('filter', () => DeliveryFilter, { nullable: true, description: 'Filters; omitted means every delivery in scope.' }) filter?: DeliveryFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listDeliveries(ctx, filter, page);
  }

  @Query(() => Delivery, { nullable: true, description: 'One delivery by id; null with a NOT_FOUND error when it does not exist or is outside the caller’s scope.' })
  delivery(@Ctx() ctx: DistributionContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getDelivery(ctx, id);
  }

  @Mutation(() => Delivery, { description: 'The calling distributor ships an order assigned to it (D-03).' })
  shipOrder(@Ctx() ctx: DistributionContext, @Arg('input', () => ShipOrderInput, { description: 'The order to ship.' }) input: ShipOrderInput) {
    return shipOrder(ctx, input);
  }

  @Mutation(() => Delivery, { description: 'The calling institution confirms receipt of a delivery to it; late confirmations (G-05) are flagged.' })
  confirmReceipt(@Ctx() ctx: DistributionContext, @Arg('input', () => ConfirmReceiptInput, { description: 'The receipt.' }) input: ConfirmReceiptInput) {
    return confirmReceipt(ctx, input);
  }

  @FieldResolver(() => OrderReference, { description: 'The order delivered, resolved by the procurement subgraph.' })
  order(@Root() delivery: Delivery): EntityReference {
    return { id: delivery.orderId };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The distributor (配送企业).' })
  distributor(@Root() delivery: Delivery, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(delivery.distributorId);
  }

  @FieldResolver(() => Institution, { description: 'The receiving institution, resolved by the procurement subgraph.' })
  institution(@Root() delivery: Delivery): EntityReference {
    return { id: delivery.institutionId };
  }

  @FieldResolver(() => [DeliveryLine], { description: 'What was delivered, line by line.' })
  lines(@Root() delivery: Delivery, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.deliveryLines.load(delivery.orderId);
  }

  @FieldResolver(() => [ReceiptLine], { description: 'D-03: what the institution received and accepted per line; empty until receipt is confirmed.' })
  receiptLines(@Root() delivery: Delivery, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.receiptLines.load(delivery.id);
  }

  @FieldResolver(() => [DeliveryDiscrepancy], { description: 'D-03: differences between the order and what was received (name, spec, dosage form, pack, manufacturer, quantity).' })
  discrepancies(@Root() delivery: Delivery, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.discrepancies.load(delivery.id);
  }

  @FieldResolver(() => [TraceabilityCode], { description: 'D-06: traceability codes (追溯码) of the packs delivered.' })
  traceabilityCodes(@Root() delivery: Delivery, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.traceabilityCodes.load(delivery.id);
  }
}

@Resolver(() => DeliveryLine)
export class DeliveryLineResolver {
  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() line: DeliveryLine): EntityReference {
    return { id: line.productId };
  }
}

/** `_entities` for Delivery: the scoped loader, so another organisation's delivery resolves to null. */
export function resolveDeliveryReference(reference: { id: string }, ctx: DistributionContext) {
  return ctx.loaders.deliveryById.load(reference.id);
}

@Resolver(() => OrderReference)
export class OrderDeliveryResolver {
  @FieldResolver(() => Delivery, { nullable: true, description: 'The delivery (配送) of this order; null before it is shipped or outside the caller’s scope.' })
  delivery(@Root() order: EntityReference, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.deliveryByOrder.load(order.id);
  }
}
