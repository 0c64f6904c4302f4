import type { GraphQLFormattedError } from 'graphql';

/**
 * The gateway asks a subgraph for one entity per occurrence in the answer so far: a hospital's 1,005
 * payable lines name some 40 products, and Apollo Gateway sends all 1,005 representations, which the
 * subgraph then resolves and authorises field by field. Sent once each and spread back over their
 * occurrences, the answer is the same for a fraction of the work.
 */
export interface DedupedRepresentations {
  unique: unknown[];
  /** For each original representation, the index of its copy in `unique`. */
  positions: number[];
}

/** The distinct representations in first-seen order (the gateway builds equal ones with equal key order). */
export function dedupeRepresentations(representations: readonly unknown[]): DedupedRepresentations {
  const unique: unknown[] = [];
  const indexByKey = new Map<string, number>();
  const positions = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = indexByKey.get(key);
    if (index === undefined) {
      index = unique.length;
      indexByKey.set(key, index);
      unique.push(representation);
    }
    return index;
  });
  return { unique, positions };
}

/**
 * Spreads a subgraph's answer for the distinct representations back over every occurrence: each
 * occurrence gets its own copy of the entity (the gateway merges later answers into them in place), and
 * an error about one entity is reported at each of its occurrences.
 */
export function spreadEntities<R extends { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>(response: R, positions: number[]): R {
  const entities = response.data?._entities;
  const seen = new Set<number>();
  const data = Array.isArray(entities)
    ? {
        ...response.data,
        _entities: positions.map((index) => {
          const entity = entities[index];
          if (!seen.has(index)) {
            seen.add(index);
            return entity;
          }
          return entity === null || typeof entity !== 'object' ? entity : structuredClone(entity);
        }),
      }
    : response.data;
  const errors = response.errors?.flatMap((error) => {
    const [root, index, ...rest] = error.path ?? [];
    if (root !== '_entities' || typeof index !== 'number') return [error];
    return positions.flatMap((unique, original) => (unique === index ? [{ ...error, path: [root, original, ...rest] }] : []));
  });
  return { ...response, data, ...(errors ? { errors } : {}) };
}
