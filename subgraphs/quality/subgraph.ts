import { auditTrailResolver } from '../shared/audit/audit-trail.resolver';
import { buildFederatedSchema } from '../shared/graphql/federated-schema';
import { resolveJurisdictionPolicyReference } from '../shared/policy/jurisdiction-policy';
import { once, SubgraphDefinition } from '../shared/subgraph';
import { BanResolver, EnterpriseBansResolver } from './ban/ban.resolver';
import { createQualityLoaders, QualityLoaders } from './context';
import { CreditRatingResolver, CreditRecordResolver } from './credit/credit.resolver';
import { seedQualityDemoData } from './demo-data';
import { enterpriseEventHandlers } from './enterprise/enterprise.events';
import { IncidentResolver } from './incident/incident.resolver';
import { Inspection } from './inspection/inspection.entity';
import { resolveInspectionReference } from './inspection/inspection.reference';
import { InspectionResolver, ProductInspectionsResolver } from './inspection/inspection.resolver';
import { qualityPermissions } from './permissions';
import { JurisdictionPolicyResolver } from './policy/jurisdiction-policy.resolver';
import { JurisdictionPolicy } from './policy/jurisdiction-policy.type';
import { ExternalLowestPriceResolver, ListingAboveExternalLowestResolver } from './price-linkage/price-linkage.resolver';
import { priceRiskEventHandlers } from './price-risk/price-risk.events';
import { PriceRiskFlagResolver, PriceRiskSignalResolver } from './price-risk/price-risk.resolver';
import { referenceByKey } from '../shared/graphql/entity-reference';
import { shortageEventHandlers } from './shortage/shortage.events';
import { ProductionStopNoticeResolver, ShortageWarningResolver, ShortageWatchEntryResolver } from './shortage/shortage.resolver';
import { DEFAULT_SUBGRAPH_PORTS } from '../shared/subgraph-names';

/** Quality supervision (质量监管): inspections, incidents, dishonesty bans, credit, price risk, shortages and price linkage. */
export const qualitySubgraph: SubgraphDefinition<QualityLoaders> = {
  name: 'quality',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.quality,
  entities: [Inspection],
  permissions: qualityPermissions,
  rowScopes: {
    Inspection: 'market-regulation and health regulators: samples taken in their region subtree; a manufacturer: its products; an institution or distributor: samples taken on its premises',
    Incident: 'regulators: incidents in their region subtree; an enterprise: incidents where it is the failing winner or the substitute supplier',
    EnterpriseBan: 'regulators: bans declared in their region subtree or above it; an institution: bans of its region and above (those binding it); an enterprise: its own',
    CreditRecord: 'every regulator (a rating reads the same everywhere); an enterprise: its own; anyone else’s id is NOT_FOUND',
    CreditRating: 'as CreditRecord',
    PriceRiskFlag: 'regulators: flags in their region subtree; a manufacturer: flags on its products',
    PriceRiskSignal: 'regulators, for a region within their jurisdiction',
    ShortageWarning: 'regulators, for a region within their jurisdiction; an institution, for its own region or those above it',
    ShortageWatchEntry: 'as ShortageWarning',
    ExternalLowestPrice: 'every regulator (prices of other provinces are public facts)',
    ListingAboveExternalLowest: 'regulators, for a region within their jurisdiction',
    JurisdictionPolicy: 'published policy, every persona',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [
        InspectionResolver,
        ProductInspectionsResolver,
        IncidentResolver,
        BanResolver,
        EnterpriseBansResolver,
        CreditRecordResolver,
        CreditRatingResolver,
        PriceRiskFlagResolver,
        PriceRiskSignalResolver,
        ShortageWarningResolver,
        ShortageWatchEntryResolver,
        ProductionStopNoticeResolver,
        ExternalLowestPriceResolver,
        ListingAboveExternalLowestResolver,
        JurisdictionPolicyResolver,
        auditTrailResolver('quality'),
      ],
      orphanedTypes: [JurisdictionPolicy],
      references: {
        Inspection: resolveInspectionReference,
        Product: referenceByKey,
        Enterprise: referenceByKey,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
      },
      permissions: qualityPermissions,
    }),
  ),
  createLoaders: createQualityLoaders,
  eventHandlers: { ...enterpriseEventHandlers, ...priceRiskEventHandlers, ...shortageEventHandlers },
  seedDemoData: seedQualityDemoData,
};
