/*
 * An SLA as its author writes it (orchestra.yaml, a DOT node's `human.sla`, the API), before
 * resolve-sla.ts checks it and turns durations into milliseconds:
 *
 *   sla: 30m
 *   escalation:
 *     - { after: 30m, notify: slack-support, reassign: group:support-l2, priority: high }
 *     - { after: 45m, remind: { every: 10m } }
 *     - { after: 2h, answer: { decision: reject, comment: "No answer within 2h" } }
 *
 * `after` counts from the task's creation; on the first step it defaults to `sla`.
 */

export interface EscalationStepInput {
  after?: string;
  /** A channel name, or several. */
  notify?: string | string[];
  /** `true`: remind once; `{ every: 10m }` or `10m`: and again every 10 minutes until answered. */
  remind?: boolean | string | { every?: string };
  /** `group:NAME` or `user:NAME`. */
  reassign?: string;
  priority?: string;
  /** Final (last step only): the default answer, checked against the form. */
  answer?: Record<string, unknown>;
  /** Final: the task expires unanswered. */
  expire?: boolean;
  /** Final: the task is cancelled. */
  cancel?: boolean;
}

export interface SlaInput {
  sla?: string;
  escalation?: unknown[];
}
