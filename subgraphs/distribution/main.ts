import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { distributionSubgraph } from './subgraph';

void runSubgraphProcess(distributionSubgraph);
