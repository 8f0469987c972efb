import type { Checkpoint } from './types.js';

/**
 * The live, append-only lists a checkpoint's lists were copied from (the engine's progress). Two
 * checkpoints copied from the same list differ by its items past the earlier one's length, so the
 * SQLite store finds a checkpoint's additions in O(added) instead of comparing every item (which made
 * each node of a long run cost more than the last). A list that is replaced (loop restart, branch)
 * is a new source, and the store falls back to comparing.
 */
export interface AppendSources {
  completedNodes: readonly unknown[];
  logs: readonly unknown[];
  /** The outcome entries' source (outcome-entries.ts), when the checkpoint has entries. */
  outcomeEntries?: readonly unknown[];
}

const sourcesOf = new WeakMap<Checkpoint, AppendSources>();

/** Records where `checkpoint`'s lists were copied from; the sources must only ever be appended to. */
export function withAppendSources(checkpoint: Checkpoint, sources: AppendSources): Checkpoint {
  sourcesOf.set(checkpoint, sources);
  return checkpoint;
}

export function appendSourcesOf(checkpoint: Checkpoint): AppendSources | undefined {
  return sourcesOf.get(checkpoint);
}

/**
 * The items `after` adds to `before`, both copied from `source` (so `before` is a prefix of `after`
 * when it is no longer); undefined when they were not both copied from it.
 */
export function addedFromSource<T>(before: readonly T[], after: readonly T[], beforeSource: readonly unknown[] | undefined, afterSource: readonly unknown[] | undefined): T[] | undefined {
  if (beforeSource === undefined || beforeSource !== afterSource || after === before || after.length < before.length) return undefined;
  return after.slice(before.length);
}
