import { formatDuration } from '../../core/duration.js';
import type { DoctorCheck } from './doctor-check.js';

/** What `doctor` reads of one tenant's human tasks, timers and notification deliveries. */
export interface HumanTaskFacts {
  tenant: string;
  /** Open and claimed tasks: id, title, due time. */
  waiting: ReadonlyArray<{ id: string; title: string; dueAt?: number }>;
  /** Timers not fired yet (SLA steps, reminders, notices): due time and any live claim. */
  pendingTimers: ReadonlyArray<{ dueAt: number; leaseUntil?: number }>;
  /** Deliveries by status: failed ones are retried, dead ones gave up. */
  deliveries: { failed: number; dead: number; stalePending: number };
}

/**
 * A sweeper (the daemon's) claims due timers every second and the delivery loop sends pending
 * notices within seconds: anything due this long ago and unclaimed means nothing is sweeping.
 */
export const sweepLagMs = 2 * 60_000;

/** The human-task lines of `orchestra doctor` (issue 10): overdue tasks, a sweeper that is not running, failed notices. */
export function humanTaskChecks(facts: HumanTaskFacts, now: number): DoctorCheck[] {
  return [tasksCheck(facts, now), sweeperCheck(facts, now), notificationsCheck(facts)];
}

function tasksCheck({ tenant, waiting }: HumanTaskFacts, now: number): DoctorCheck {
  const overdue = waiting.filter((task) => task.dueAt !== undefined && task.dueAt < now).sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
  const base = { area: 'human-tasks', name: 'human tasks' } as const;
  const count = `${waiting.length} waiting in tenant ${tenant}`;
  const oldest = overdue[0];
  if (oldest === undefined) return { ...base, status: 'ok', detail: `${count}, none overdue` };
  const detail = `${count}, ${overdue.length} overdue (the oldest by ${formatDuration(now - (oldest.dueAt ?? now))}: ${oldest.id} "${oldest.title}")`;
  return { ...base, status: 'info', detail, fix: 'see them first in orchestra inbox --all (overdue tasks come first)' };
}

function sweeperCheck({ pendingTimers, deliveries }: HumanTaskFacts, now: number): DoctorCheck {
  const base = { area: 'human-tasks', name: 'SLA timers' } as const;
  const stuck = pendingTimers.filter((timer) => timer.dueAt < now - sweepLagMs && (timer.leaseUntil === undefined || timer.leaseUntil < now));
  if (stuck.length === 0 && deliveries.stalePending === 0) return { ...base, status: 'ok', detail: `${pendingTimers.length} pending, none late` };
  const late = Math.max(...stuck.map((timer) => now - timer.dueAt), 0);
  const parts = [
    ...(stuck.length > 0 ? [`${stuck.length} SLA timer${stuck.length === 1 ? ' is' : 's are'} overdue by up to ${formatDuration(late)}`] : []),
    ...(deliveries.stalePending > 0 ? [`${deliveries.stalePending} notification${deliveries.stalePending === 1 ? ' waits' : 's wait'} to be sent for over ${formatDuration(sweepLagMs)}`] : []),
  ];
  return { ...base, status: 'problem', detail: `${parts.join('; ')}: nothing sweeps this store (escalations, reminders and notices do not happen)`, fix: 'start the daemon, which sweeps them: orchestra daemon start' };
}

function notificationsCheck({ tenant, deliveries }: HumanTaskFacts): DoctorCheck {
  const base = { area: 'notifications', name: 'notifications' } as const;
  if (deliveries.failed === 0 && deliveries.dead === 0) return { ...base, status: 'ok', detail: `no failed deliveries in tenant ${tenant}` };
  const detail = `in tenant ${tenant}: ${deliveries.dead} gave up, ${deliveries.failed} failed and will be retried`;
  return { ...base, status: deliveries.dead > 0 ? 'problem' : 'info', detail, fix: 'see why: orchestra notifications --failed (then check the channel in orchestra.yaml notifications:)' };
}
