import type Database from 'better-sqlite3';

export interface ConnectionSettings {
  journalMode: string;
  synchronous: 'off' | 'normal' | 'full' | 'extra';
  foreignKeys: boolean;
  busyTimeoutMs: number;
}

/** A connection's effective settings, for `doctor`-style diagnostics and tests. */
export function connectionSettings(db: Database.Database): ConnectionSettings {
  const synchronous = (['off', 'normal', 'full', 'extra'] as const)[db.pragma('synchronous', { simple: true }) as number] ?? 'off';
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous,
    foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1,
    busyTimeoutMs: db.pragma('busy_timeout', { simple: true }) as number,
  };
}
