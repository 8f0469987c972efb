import type { Timer } from '../timer-types.js';

/* timers rows ↔ Timer (snake_case stays at this edge). */

export interface TimerRow {
  tenant: string;
  id: string;
  kind: string;
  subject_id: string;
  due_at: number;
  payload_json: string;
  created_at: number;
  fired_at: number | null;
  claimed_by: string | null;
  lease_until: number | null;
  attempts: number;
}

export const timerColumns: readonly (keyof TimerRow)[] = ['tenant', 'id', 'kind', 'subject_id', 'due_at', 'payload_json', 'created_at', 'fired_at', 'claimed_by', 'lease_until', 'attempts'];

export function toTimerRow(timer: Timer): TimerRow {
  return {
    tenant: timer.tenant,
    id: timer.id,
    kind: timer.kind,
    subject_id: timer.subjectId,
    due_at: timer.dueAt,
    payload_json: JSON.stringify(timer.payload),
    created_at: timer.createdAt,
    fired_at: timer.firedAt ?? null,
    claimed_by: timer.claimedBy ?? null,
    lease_until: timer.leaseUntil ?? null,
    attempts: timer.attempts,
  };
}

export function fromTimerRow(row: TimerRow): Timer {
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.kind,
    subjectId: row.subject_id,
    dueAt: row.due_at,
    payload: JSON.parse(row.payload_json) as Timer['payload'],
    createdAt: row.created_at,
    ...(row.fired_at !== null && { firedAt: row.fired_at }),
    ...(row.claimed_by !== null && { claimedBy: row.claimed_by }),
    ...(row.lease_until !== null && { leaseUntil: row.lease_until }),
    attempts: row.attempts,
  };
}
