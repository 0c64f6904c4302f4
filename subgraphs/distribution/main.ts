import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { distributionSubgraph } from './subgraph';

runSubgraphProcess(distributionSubgraph).catch((error) => {
  process.stderr.write(`distribution failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
