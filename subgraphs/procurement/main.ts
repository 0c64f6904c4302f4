import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { procurementSubgraph } from './subgraph';

runSubgraphProcess(procurementSubgraph).catch((error) => {
  process.stderr.write(`procurement failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
