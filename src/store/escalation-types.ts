import type { Assignee, HumanTaskPriority, JsonObject } from './human-task-types.js';

/*
 * A human task's escalation chain as stored with the task (resolved: durations in ms, people
 * checked). Written by src/humans/sla/resolve-sla.ts from `sla:` and `escalation:`; fired by timers.
 */

/** What the chain's last step may do to a task nobody answered. */
export type EscalationFinal = { kind: 'answer'; answer: JsonObject } | { kind: 'expire' } | { kind: 'cancel' };

export interface EscalationStep {
  /** When it fires: this many ms after the task was created (not after the previous step). */
  afterMs: number;
  /** Channels to notify that the task escalated. */
  notify?: string[];
  /** Remind the assignee now, and again every `everyMs` until the task is answered (or a later step reminds instead). */
  remind?: { everyMs?: number };
  reassign?: Assignee;
  /** Raised to this priority (never lowered). */
  priority?: HumanTaskPriority;
  /** Only on the last step: the default answer, or expire, or cancel the task. */
  final?: EscalationFinal;
}
