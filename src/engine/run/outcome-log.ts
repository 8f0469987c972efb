import type { OutcomeEntry } from '../../store/outcome-entries.js';
import type { OutcomeSummary } from '../../store/types.js';

/**
 * `progress.nodeOutcomes` kept a second way, as the list of writes that built it, so that each
 * checkpoint copies an array (cheap) instead of an object with a key per visited node (slow once it
 * has hundreds). It belongs to the object it was built for (`target`): when `nodeOutcomes` is
 * replaced (loop restart, a branch's own copy) the log is rebuilt from the object on the next write.
 */
export interface OutcomeLog {
  target: Record<string, OutcomeSummary>;
  entries: OutcomeEntry[];
  keys: number;
}

/**
 * The part of RunProgress this log works on, named here so that this module does not import
 * run-progress.ts (which imports it): no import cycles, even type-only ones.
 */
export interface OutcomeHolder {
  nodeOutcomes: Record<string, OutcomeSummary>;
  outcomeLog?: OutcomeLog;
}

/** Sets the node's outcome in `progress.nodeOutcomes` and in its log. */
export function setNodeOutcome(progress: OutcomeHolder, nodeId: string, summary: OutcomeSummary): void {
  const isNewKey = !Object.hasOwn(progress.nodeOutcomes, nodeId);
  progress.nodeOutcomes[nodeId] = summary;
  const log = progress.outcomeLog;
  // A loop revisiting the same nodes grows the log but not the object: compact it now and then.
  if (!log || log.target !== progress.nodeOutcomes || log.entries.length > 2 * log.keys + 32) {
    const entries = Object.entries(progress.nodeOutcomes);
    progress.outcomeLog = { target: progress.nodeOutcomes, entries, keys: entries.length };
    return;
  }
  log.entries.push([nodeId, summary]);
  if (isNewKey) log.keys += 1;
}

/** The log when it describes `nodeOutcomes` now (its `entries` are only ever appended to). */
export function outcomeLogNow(progress: OutcomeHolder): OutcomeLog | undefined {
  const log = progress.outcomeLog;
  return log && log.target === progress.nodeOutcomes ? log : undefined;
}
