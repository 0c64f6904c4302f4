import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar } from '../../shared/graphql/scalars';
import type { QualityContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { CreditRating, CreditRecord } from './credit.entity';
import { RecordCreditEventInput } from './credit.input';
import { creditRating, listCreditRecords, recordCreditEvent } from './credit.service';

@ObjectType({ description: 'A page of credit records.' })
export class CreditRecordConnection extends Connection(CreditRecord, 'The records of this page, newest decision first.') {}

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  @Query(() => CreditRecordConnection, { description: 'An enterprise’s bad credit records (Q-04): every regulator, or the enterprise itself; NOT_FOUND otherwise.' })
  creditRecords(
    @Ctx() ctx: QualityContext,
    @Arg('enterpriseId', () => ID, { description: 'The enterprise.' }) enterpriseId: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listCreditRecords(ctx, enterpriseId, page);
  }

  @Query(() => CreditRating, { description: 'An enterprise’s credit rating (信用评级) on a date, computed from its records by a stated rule (Q-04).' })
  creditRating(
    @Ctx() ctx: QualityContext,
    @Arg('enterpriseId', () => ID, { description: 'The enterprise.' }) enterpriseId: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today in China.' }) on?: string,
  ) {
    return creditRating(ctx, enterpriseId, on);
  }

  @Mutation(() => CreditRecord, { description: 'Records a court judgement, administrative penalty or dishonesty finding against an enterprise (Q-04).' })
  recordCreditEvent(@Ctx() ctx: QualityContext, @Arg('input', () => RecordCreditEventInput, { description: 'The record.' }) input: RecordCreditEventInput) {
    return recordCreditEvent(ctx, input);
  }

  @FieldResolver(() => Enterprise, { description: 'The enterprise, resolved by the distribution subgraph.' })
  enterprise(@Root() record: CreditRecord): EntityReference {
    return enterpriseReference(record.enterpriseId);
  }
}

@Resolver(() => CreditRating)
export class CreditRatingResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise rated, resolved by the distribution subgraph.' })
  enterprise(@Root() rating: CreditRating): EntityReference {
    return enterpriseReference(rating.enterpriseId);
  }
}
