import { formatDuration } from '../lib/format';

export interface Due {
  text: string;
  overdue: boolean;
}

/**
 * A task's SLA as a countdown: `due in 29m 57s`, `overdue by 3m 4s`, or `no due time`. Whole
 * seconds, so a countdown that ticks each second reads steadily.
 */
export function dueOf(dueAt: number | undefined, now: number): Due {
  if (dueAt === undefined) return { text: 'no due time', overdue: false };
  const left = Math.floor((dueAt - now) / 1000) * 1000;
  if (left >= 0) return { text: `due in ${wholeSeconds(left)}`, overdue: false };
  return { text: `overdue by ${wholeSeconds(-left)}`, overdue: true };
}

function wholeSeconds(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)}s` : formatDuration(ms);
}
