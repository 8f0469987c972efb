import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from '../../core/process-alive.js';

/*
 * Temp files of atomic writes: `.{target}.tmp-{pid}-{n}` beside the target (`-w{n}` from the
 * mirror's worker thread). A crash can leave one behind; readers never open them (they read the
 * target), and the first write this process makes into a directory removes those whose writer is gone.
 */

// `-wN`: written by the mirror's worker thread (mirror-worker-body.ts), which keeps its own count.
const tempPattern = /^\..+\.tmp-(\d+)(?:-(w?)\d+)?$/;
let counter = 0;
const inFlight = new Set<string>();
const cleanedDirs = new Set<string>();
/** Bounds the memory of a long-lived process (the daemon); forgetting only costs a readdir. */
const maxCleanedDirs = 10_000;

export function isTempFileName(name: string): boolean {
  return tempPattern.test(name);
}

/** A unique temp path for `target`'s directory, registered as in flight until `releaseTempPath`. */
export function claimTempPath(dir: string, targetName: string): string {
  counter += 1;
  const path = join(dir, `.${targetName}.tmp-${process.pid}-${counter}`);
  inFlight.add(path);
  return path;
}

export function releaseTempPath(path: string): void {
  inFlight.delete(path);
}

/** `dir` was just created by this process, so it holds no stray temp files to look for. */
export function markDirectoryClean(dir: string): void {
  if (cleanedDirs.size >= maxCleanedDirs) cleanedDirs.clear();
  cleanedDirs.add(dir);
}

/** Removes stray temp files in `dir` the first time this process writes there. */
export async function cleanStrayTempFilesOnce(dir: string): Promise<void> {
  if (cleanedDirs.has(dir)) return;
  if (cleanedDirs.size >= maxCleanedDirs) cleanedDirs.clear();
  cleanedDirs.add(dir);
  await cleanStrayTempFiles(dir);
}

/** Removes every temp file in `dir` whose writer is neither in flight here nor a live process. */
export async function cleanStrayTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = tempPattern.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const pid = Number(match[1]);
    // Ours from the mirror's worker may be in flight there; a crash leaves them under a dead pid.
    if (inFlight.has(path) || (pid === process.pid && match[2] === 'w') || (pid !== process.pid && isProcessAlive(pid))) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}
