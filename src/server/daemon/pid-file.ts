import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';

/** `<home>/daemon/daemon.pid`: which process serves the socket, since when, at which version. */
export interface PidRecord {
  pid: number;
  startedAt: string;
  version: string;
}

// Checked by hand, not with zod: every CLI command reads this file, and zod alone takes ~60 ms to load.
function isPidRecord(value: unknown): value is PidRecord {
  const record = value as Partial<PidRecord> | null;
  return (
    typeof record === 'object' && record !== null &&
    Number.isInteger(record.pid) && (record.pid as number) > 0 &&
    typeof record.startedAt === 'string' && typeof record.version === 'string'
  );
}

export async function writePidFile(file: string, record: PidRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`);
}

/** The record, or undefined when the file is missing or not one of ours (a stale or foreign file is no evidence). */
export function readPidFile(file: string): PidRecord | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isPidRecord(value) ? { pid: value.pid, startedAt: value.startedAt, version: value.version } : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the pid file if it still describes `record`: a newer daemon's file stays. */
export async function removePidFile(file: string, record: PidRecord): Promise<void> {
  const current = readPidFile(file);
  if (current && (current.pid !== record.pid || current.startedAt !== record.startedAt)) return;
  await rm(file, { force: true });
}
