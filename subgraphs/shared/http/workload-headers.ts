/**
 * Response headers that say what a request cost, for operators and the benchmark: the SQL statements
 * it ran (a subgraph: its own; the gateway: the sum over the subgraph calls it made) and, at the
 * gateway, how many subgraph calls its plan needed. A list whose statement count grows with its
 * length is an N+1, and tests/e2e/no-n-plus-one.test.ts fails on it.
 */
export const SQL_STATEMENTS_HEADER = 'x-sql-statements';
export const SUBGRAPH_CALLS_HEADER = 'x-subgraph-calls';

/** What one gateway request has cost so far. */
export interface RequestWorkload {
  sqlStatements: number;
  subgraphCalls: number;
}
