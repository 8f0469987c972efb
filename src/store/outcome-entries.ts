import type { Checkpoint, OutcomeSummary } from './types.js';

/** One write to `nodeOutcomes`: later entries for a node replace earlier ones, keeping its place. */
export type OutcomeEntry = readonly [node: string, summary: OutcomeSummary];

const entriesOf = new WeakMap<Checkpoint, readonly OutcomeEntry[]>();

/**
 * A checkpoint whose `nodeOutcomes` object is built from `entries` when first read. Copying a
 * large object per node is what made long runs slow; copying an array of entries is a memcpy, and
 * the SQLite store only needs the entries added since its previous checkpoint (`outcomeEntriesOf`).
 * `entries` must not change afterwards: the caller hands over a copy.
 */
export function withOutcomeEntries(fields: Omit<Checkpoint, 'nodeOutcomes'>, entries: readonly OutcomeEntry[]): Checkpoint {
  const { v, seq, timestamp, currentNode, nextNode, completedNodes, ...rest } = fields;
  // Declared in place first, so the key order is the same as an eagerly built checkpoint's.
  const checkpoint = { v, seq, timestamp, currentNode, nextNode, completedNodes, nodeOutcomes: {}, ...rest } as Checkpoint;
  let built: Record<string, OutcomeSummary> | undefined;
  Object.defineProperty(checkpoint, 'nodeOutcomes', {
    enumerable: true,
    configurable: true,
    get: () => (built ??= Object.fromEntries(entries)),
    set: (value: Record<string, OutcomeSummary>) => {
      entriesOf.delete(checkpoint);
      Object.defineProperty(checkpoint, 'nodeOutcomes', { value, enumerable: true, writable: true, configurable: true });
    },
  });
  entriesOf.set(checkpoint, entries);
  return checkpoint;
}

/** The entries `checkpoint.nodeOutcomes` is built from, when it was made by `withOutcomeEntries`. */
export function outcomeEntriesOf(checkpoint: Checkpoint): readonly OutcomeEntry[] | undefined {
  return entriesOf.get(checkpoint);
}
