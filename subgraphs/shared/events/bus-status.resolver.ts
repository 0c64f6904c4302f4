import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { SUBGRAPHS, SubgraphName } from '../db/data-source';
import { errors } from '../errors';
import { DateTimeScalar } from '../graphql/scalars';
import { requireId } from '../validation';
import { consumerStatuses, parkedEvents, replayParked } from './bus-status';

@ObjectType({ description: 'An event that used up its delivery attempts and waits for an operator (死信/停放事件).' })
export class ParkedEvent {
  @Field(() => ID, { description: 'The event id, as the producer recorded it.' })
  eventId: string;

  @Field(() => String, { description: 'Qualified type, e.g. distribution.ReceiptConfirmed.v1.' })
  eventType: string;

  @Field(() => String, { description: 'The key the event is ordered by (e.g. an order id).' })
  key: string;

  @Field(() => Int, { description: 'Attempts made.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'The last error the consumer reported.' })
  lastError: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was parked.' })
  parkedAt: string;
}

@ObjectType({ description: 'How one subgraph keeps up with the events addressed to it (事件消费状态).' })
export class EventConsumerStatus {
  @Field(() => String, { description: 'The consuming subgraph.' })
  consumer: SubgraphName;

  @Field(() => Int, { description: 'Events waiting or being retried (lag).' })
  pending: number;

  @Field(() => Int, { description: 'Of those, events that failed at least once and wait for their next attempt.' })
  retrying: number;

  @Field(() => Int, { description: 'Events parked after using up their attempts.' })
  parked: number;

  @Field(() => Int, { nullable: true, description: 'Age in seconds of the oldest pending event; null when none is pending.' })
  oldestPendingSeconds: number | null;

  @Field(() => Int, { description: 'Events delivered in the last minute (throughput).' })
  deliveredLastMinute: number;

  @Field(() => Int, { description: 'Events delivered in the last hour.' })
  deliveredLastHour: number;

  @Field(() => [ParkedEvent], { description: 'The parked events, newest first (at most 500).' })
  parkedEvents: ParkedEvent[];
}

function busOf(ctx: RequestContext) {
  if (!ctx.bus) throw errors.notFound('Event bus', 'default');
  return ctx.bus;
}

/** The event bus, as operators see it: lag, parked events and throughput per consumer, and replay. */
@Resolver()
export class EventBusResolver {
  @Query(() => [EventConsumerStatus], { description: 'Each consumer’s lag, parked events and throughput on the event bus (regulators only).' })
  async eventConsumers(@Ctx() ctx: RequestContext): Promise<EventConsumerStatus[]> {
    const bus = busOf(ctx);
    const [statuses, parked] = await Promise.all([consumerStatuses(bus), parkedEvents(bus)]);
    return statuses.map((s) => ({ ...s, parkedEvents: parked.filter((p) => p.consumer === s.consumer) }));
  }

  @Mutation(() => Int, { description: 'Puts a consumer’s parked events (all, or those named) back on the bus with fresh attempts; returns how many.' })
  async replayParkedEvents(
    @Ctx() ctx: RequestContext,
    @Arg('consumer', () => String, { description: 'The consuming subgraph: procurement, insurance, quality or distribution.' }) consumer: string,
    @Arg('eventIds', () => [ID], { nullable: true, description: 'Only these events; omitted means every parked event of the consumer.' }) eventIds?: string[],
  ): Promise<number> {
    if (!SUBGRAPHS.includes(consumer as SubgraphName)) throw errors.badInput(`consumer must be one of ${SUBGRAPHS.join(', ')}`, { field: 'consumer' });
    const ids = eventIds?.map((id, i) => requireId(id, `eventIds[${i}]`));
    const count = await replayParked(busOf(ctx), consumer as SubgraphName, ids);
    ctx.log.info({ consumer, count, eventIds: ids }, 'parked events replayed');
    return count;
  }
}
