import { parseDuration } from '../../core/duration.js';

/** A checked duration: what {@link timeout}('30m') gives, for a task's `sla` or a waitForSignal's `timeout`. */
export interface WorkflowDuration {
  readonly kind: 'duration';
  readonly ms: number;
  /** As written (`30m`): what a human task's SLA stores. */
  readonly text: string;
}

/**
 * A checked duration for a task's `sla`, a waitForSignal's `timeout` or a {@link sleep}: units
 * `ms`, `s`, `m`, `h`, `d`. Throws E_DURATION at once (when the workflow code runs, not later) when
 * the text is not a duration. Pure: it touches no store and needs no context.
 *
 * @example
 * ```ts
 * await task(ctx, { title: 'Review', form: { ok: { type: 'boolean' } }, sla: timeout('30m') });
 * ```
 */
export function timeout(text: string): WorkflowDuration {
  return Object.freeze({ kind: 'duration' as const, ms: parseDuration(text, 'timeout'), text });
}

/** A duration given as timeout(...), as text (`2h`) or as milliseconds. */
export type DurationInput = WorkflowDuration | string | number;

export function toDuration(input: DurationInput, what: string): WorkflowDuration {
  if (typeof input === 'string') return Object.freeze({ kind: 'duration' as const, ms: parseDuration(input, what), text: input });
  if (typeof input === 'number') return Object.freeze({ kind: 'duration' as const, ms: parseDuration(`${input}ms`, what), text: `${input}ms` });
  return input;
}
