import type { JsonObject } from './human-task-types.js';

/*
 * A durable timer (issue 10's SLA escalations; issue 11's workflow sleep() reuses it): a row in the
 * store that says "at dueAt, do `kind` to `subjectId`". Whichever process is alive claims it when
 * due, does its effect and marks it fired; a claim whose lease lapsed (its process died) can be
 * claimed again, so a timer fires late but once. Rules: timer-rules.ts; store part: timers.ts.
 */

export interface Timer {
  /** Unique per tenant. Deterministic ids (`esc:TASK:0`) make scheduling idempotent. */
  id: string;
  tenant: string;
  /** What firing it does, e.g. `human-task.escalation`; the sweeper dispatches on it. */
  kind: string;
  /** What it acts on: a human task id, a workflow id. */
  subjectId: string;
  dueAt: number;
  payload: JsonObject;
  createdAt: number;
  /** Set once, by the process whose claim fired it. */
  firedAt?: number;
  /** The process that claimed it last, and until when that claim holds. */
  claimedBy?: string;
  leaseUntil?: number;
  /** How many times it was claimed: more than one means a claimer died or failed. */
  attempts: number;
}

/** What scheduleTimer needs; the store sets tenant (from the scope or the task) and attempts. */
export interface NewTimer {
  id: string;
  kind: string;
  subjectId: string;
  dueAt: number;
  payload?: JsonObject;
  createdAt: number;
}

/** Names a claimed timer: the claim gives back the tenant the row carries. */
export type TimerRef = Pick<Timer, 'tenant' | 'id'>;

/** Which timers listTimers returns, oldest due first. */
export interface TimerFilter {
  subjectId?: string;
  /** Only timers not fired yet. */
  pending?: boolean;
}
