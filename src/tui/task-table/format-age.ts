const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A coarse age for a table cell: one unit, rounded down (`45s`, `3m`, `2h`, `5d`). */
export function formatAge(ms: number): string {
  // Clocks of the daemon and this terminal may disagree by a little; never show a negative age.
  const age = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (age < MINUTE) return `${Math.floor(age / SECOND)}s`;
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  if (age < DAY) return `${Math.floor(age / HOUR)}h`;
  return `${Math.floor(age / DAY)}d`;
}

/** Age of an ISO timestamp at `now`; an unreadable timestamp shows as `?`. */
export function formatAgeSince(iso: string, now: number): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '?' : formatAge(now - at);
}
