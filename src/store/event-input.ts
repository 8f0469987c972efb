import type { EventInput, StoredEvent } from './types.js';
import { invalidInputError } from './store-errors.js';

/**
 * Checks one event before it is written and returns its serialized form. Called inside the write
 * transaction, so a bad event rolls back everything written before it (checkpoint included).
 */
export function serializeEventInput(runId: string, event: EventInput, position: number): string {
  const what = `event ${position} of run "${runId}"`;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw invalidInputError(what, 'is not an object');
  }
  const { type, at } = event as { type?: unknown; at?: unknown };
  if (typeof type !== 'string' || type.length === 0) {
    throw invalidInputError(what, `has no type (got ${describe(type)})`);
  }
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw invalidInputError(what, `(${type}) has no valid "at" time (got ${describe(at)})`);
  }
  return serializeJson(`${what} (${type})`, event);
}

/** JSON.stringify with the store's error for values JSON cannot hold (BigInt, cycles). */
export function serializeJson(what: string, value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw invalidInputError(what, `cannot be stored as JSON: ${(error as Error).message}`);
  }
}

/** Rebuilds a stored event from its row; `runId` and `seq` come from the row, not the JSON. */
export function toStoredEvent(runId: string, seq: number, json: string): StoredEvent {
  return { ...(JSON.parse(json) as EventInput), runId, seq } as StoredEvent;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'number' ? String(value) : typeof value;
}
