import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { procurementSubgraph } from './subgraph';

void runSubgraphProcess(procurementSubgraph);
