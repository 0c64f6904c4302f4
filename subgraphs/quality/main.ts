import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { qualitySubgraph } from './subgraph';

runSubgraphProcess(qualitySubgraph).catch((error) => {
  process.stderr.write(`quality failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
