import type { HumanTask } from '../../store/human-task-types.js';

export const EscalationEvents = ['escalated', 'due_soon', 'reminder'] as const;
export type EscalationEvent = (typeof EscalationEvents)[number];

/** One notification an escalation asks for. */
export interface EscalationNotice {
  event: EscalationEvent;
  /** The task as it is when the notice goes out. */
  task: HumanTask;
  /** The step's channel for `escalated`; absent for a reminder (to the assignee, by their own routing). */
  channel?: string;
  /** The chain step that asked for it. */
  step: number;
  /**
   * The same for every attempt to send this notice: a notifier may be called again with it after a
   * crash (at-least-once), so an outbox keyed on it stores it once.
   */
  key: string;
}

/**
 * The port through which escalations notify (issue 10's notifications build the real one over the
 * store's outbox, src/notify). Tests pass a recording fake. A throw means "not handed over": the
 * notify timer stays claimed, its lease lapses, and it is tried again.
 */
export interface EscalationNotifier {
  notify(notice: EscalationNotice): Promise<void>;
}
