import type { SubgraphName } from './shared/db/data-source';
import type { SubgraphDefinition } from './shared/subgraph';
import { distributionSubgraph } from './distribution/subgraph';
import { insuranceSubgraph } from './insurance/subgraph';
import { procurementSubgraph } from './procurement/subgraph';
import { qualitySubgraph } from './quality/subgraph';

/** The four subgraphs by name, for tools that handle them all (schema generation, tests, the start script). */
export const SUBGRAPH_DEFINITIONS: Record<SubgraphName, SubgraphDefinition> = {
  procurement: procurementSubgraph as SubgraphDefinition,
  insurance: insuranceSubgraph as SubgraphDefinition,
  quality: qualitySubgraph as SubgraphDefinition,
  distribution: distributionSubgraph as SubgraphDefinition,
};
