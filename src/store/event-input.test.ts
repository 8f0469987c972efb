import { describe, expect, it } from 'vitest';
import { serializeEventInput, toStoredEvent } from './event-input.js';
import type { EventInput } from './types.js';

describe('event input', () => {
  it('serializes a valid event once, whole', () => {
    const event: EventInput = { type: 'log', level: 'warn', message: 'careful', at: 5 };
    expect(JSON.parse(serializeEventInput('r1', event, 1))).toEqual(event);
  });

  it.each([
    ['undefined', undefined, 'event 3 of run "r1" is not an object'],
    ['a string', 'log', 'event 3 of run "r1" is not an object'],
    ['no type', { at: 1 }, 'event 3 of run "r1" has no type (got nothing)'],
    ['a boolean type', { type: true, at: 1 }, 'event 3 of run "r1" has no type (got boolean)'],
    ['no time', { type: 'log' }, 'event 3 of run "r1" (log) has no valid "at" time (got nothing)'],
    ['a NaN time', { type: 'log', at: Number.NaN }, 'event 3 of run "r1" (log) has no valid "at" time (got NaN)'],
    ['a cycle', (() => { const e: Record<string, unknown> = { type: 'log', at: 1 }; e.self = e; return e; })(), 'event 3 of run "r1" (log) cannot be stored as JSON: '],
  ])('rejects %s', (_label, event, message) => {
    expect(() => serializeEventInput('r1', event as EventInput, 3)).toThrow(expect.objectContaining({ code: 'E_STORE', message: expect.stringContaining(message) }));
  });

  it('takes run id and seq from the row, not from the JSON', () => {
    expect(toStoredEvent('r1', 7, '{"type":"log","at":1,"runId":"other","seq":99}')).toMatchObject({ runId: 'r1', seq: 7, type: 'log' });
  });
});
