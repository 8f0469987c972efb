import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';

/** `<home>/daemon/http.json` (issue 12): where the daemon's HTTP API answers, for clients and `daemon status`. */
export interface HttpRecord {
  url: string;
  pid: number;
}

/** Written 0600: the URL is no secret, but the daemon's files are the user's alone. */
export async function writeHttpFile(file: string, record: HttpRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`);
}

// Checked by hand, not with zod, as the pid file is: `daemon status` reads it and stays light.
export function readHttpFile(file: string): HttpRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<HttpRecord> | null;
    if (typeof value?.url !== 'string' || !Number.isInteger(value.pid)) return undefined;
    return { url: value.url, pid: value.pid as number };
  } catch {
    return undefined;
  }
}

/** Removes the file if it is still `pid`'s: a newer daemon's stays. */
export async function removeHttpFile(file: string, pid: number): Promise<void> {
  if (readHttpFile(file)?.pid === pid) await rm(file, { force: true });
}
