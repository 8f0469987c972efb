import { toStoredEvent } from '../event-input.js';

/** The memory store's `runCosts`: each run's agent turns added up (the SQLite store sums them in one query). */
export function runCostsOf(runIds: readonly string[], eventsOf: (runId: string) => ReadonlyArray<{ seq: number; json: string }>): Map<string, number> {
  const cost = (runId: string) => eventsOf(runId).map((row) => toStoredEvent(runId, row.seq, row.json)).reduce((sum, event) => sum + (event.type === 'agent.turn' ? event.costUsd : 0), 0);
  return new Map(runIds.map((id) => [id, cost(id)]));
}
