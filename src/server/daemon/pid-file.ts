import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';

/** `<home>/daemon/daemon.pid`: which process serves the socket, since when, at which version. */
const pidRecordSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  version: z.string(),
});
export type PidRecord = z.infer<typeof pidRecordSchema>;

export async function writePidFile(file: string, record: PidRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`);
}

/** The record, or undefined when the file is missing or not one of ours (a stale or foreign file is no evidence). */
export function readPidFile(file: string): PidRecord | undefined {
  try {
    const parsed = pidRecordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
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
