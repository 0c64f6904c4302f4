import 'reflect-metadata';
import { runSubgraphProcess } from '../shared/http/subgraph-main';
import { qualitySubgraph } from './subgraph';

void runSubgraphProcess(qualitySubgraph);
