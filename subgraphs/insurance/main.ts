import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { insuranceSubgraph } from './subgraph';

runSubgraphProcess(insuranceSubgraph).catch((error) => {
  process.stderr.write(`insurance failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
