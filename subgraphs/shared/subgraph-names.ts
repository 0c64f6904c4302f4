/**
 * The subgraphs, each owning one PostgreSQL schema of the same name, and the port each listens on by
 * default. Kept free of imports so that the start script, which only supervises, stays small.
 */
export const SUBGRAPHS = ['procurement', 'insurance', 'quality', 'distribution'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  procurement: 4001,
  insurance: 4002,
  quality: 4003,
  distribution: 4004,
};
