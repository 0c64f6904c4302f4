import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { QualityContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { Product } from '../product/product.stub';
import { Incident } from './incident.entity';
import { IncidentFilter, OpenIncidentInput, RecordReplacementCostPaymentInput, ResolveIncidentInput } from './incident.input';
import { listIncidents, openIncident, recordReplacementCostPayment, resolveIncident } from './incident.service';

@ObjectType({ description: 'A page of incidents.' })
export class IncidentConnection extends Connection(Incident, 'The incidents of this page, ordered by id.') {}

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => IncidentConnection, { description: 'Quality and supply incidents (Q-02) within the caller’s scope: regulators their region, an enterprise those it failed in or substitutes for.' })
  incidents(
    @Ctx() ctx: QualityContext,
    @Arg('filter', () => IncidentFilter, { nullable: true, description: 'Filters; omitted means every incident in scope.' }) filter?: IncidentFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listIncidents(ctx, filter, page);
  }

  @Mutation(() => Incident, { description: 'Opens a quality or supply incident of a winner (Q-02) in the caller’s jurisdiction.' })
  openIncident(@Ctx() ctx: QualityContext, @Arg('input', () => OpenIncidentInput, { description: 'The incident.' }) input: OpenIncidentInput) {
    return openIncident(ctx, input);
  }

  @Mutation(() => Incident, { description: 'Resolves an open incident once (Q-02): liability, replacement cost, resolution. Resolving twice is a CONFLICT.' })
  resolveIncident(@Ctx() ctx: QualityContext, @Arg('input', () => ResolveIncidentInput, { description: 'The resolution.' }) input: ResolveIncidentInput) {
    return resolveIncident(ctx, input);
  }

  @Mutation(() => Incident, { description: 'Records that the winner paid the replacement cost of a resolved incident (Q-02), once; a paid incident cannot make it dishonest (Q-03).' })
  recordReplacementCostPayment(
    @Ctx() ctx: QualityContext,
    @Arg('input', () => RecordReplacementCostPaymentInput, { description: 'The payment.' }) input: RecordReplacementCostPaymentInput,
  ) {
    return recordReplacementCostPayment(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The winning product that failed.' })
  product(@Root() incident: Incident): Product {
    return { id: incident.productId };
  }

  @FieldResolver(() => Enterprise, { description: 'The failing winner, resolved by the distribution subgraph.' })
  enterprise(@Root() incident: Incident): EntityReference {
    return enterpriseReference(incident.enterpriseId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The substitute supplier (替代供应企业); null when none was named.' })
  substituteSupplier(@Root() incident: Incident): EntityReference | null {
    return incident.substituteSupplierId ? enterpriseReference(incident.substituteSupplierId) : null;
  }
}
