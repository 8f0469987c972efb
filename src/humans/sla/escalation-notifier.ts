import type { HumanTask } from '../../store/human-task-types.js';

/** `cancelled` and `completed` tell of a final step that cancelled the task or answered it by default. */
export const EscalationEvents = ['escalated', 'due_soon', 'reminder', 'cancelled', 'completed'] as const;
export type EscalationEvent = (typeof EscalationEvents)[number];

/** One notification an escalation asks for. */
export interface EscalationNotice {
  event: EscalationEvent;
  /** The task as it is when the notice goes out. */
  task: HumanTask;
  /**
   * The step's `notify` channels for `escalated`, on top of those the routing rules pick; absent
   * for the other events (routed by the rules alone).
   */
  channels?: string[];
  /** The chain step that asked for it (-1: none, e.g. `due_soon`). */
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
