import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { insuranceSubgraph } from './subgraph';

void runSubgraphProcess(insuranceSubgraph);
