import { copyFile, mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE } from '../../core/private-files.js';
import { feedbackFileName } from '../checks/feedback.js';

/** The folder inside a stage directory that keeps earlier visits, `visits/1/`, `visits/2/`, ... */
export const visitsDirName = 'visits';

/**
 * Loop iterations no longer overwrite each other (issue 9): a node's stage directory holds its
 * latest visit at the spec's paths (`prompt.md`, `response.md`, `status.json`, ...), and before a
 * node runs again the files of its previous visit move to `visits/N/` beside them (N counting
 * visits from 1). One instance per process driving a run; it remembers how many visits each stage
 * directory has seen, so only the first visit of a node in a resumed run looks at the disk.
 */
export class StageVisits {
  private readonly seen = new Map<string, number>();

  /** `fresh`: the run directory was created by this process, so no stage directory has earlier visits. */
  constructor(private readonly fresh: boolean) {}

  /**
   * Called before a node's visit writes anything: moves the previous visit's files aside.
   * `settle` waits for pending mirror writes (a status.json queued by the previous visit must land
   * before its folder moves, or it would land in the new visit's place).
   */
  async beginVisit(stageDir: string, settle: () => Promise<void>): Promise<void> {
    const known = this.seen.get(stageDir);
    // Counted before the first await: concurrent visits of one node get distinct numbers.
    this.seen.set(stageDir, (known ?? 0) + 1);
    if (known === 0 || (known === undefined && this.fresh)) return;
    const previous = known ?? (await visitsOnDisk(stageDir));
    if (previous === 0) return;
    if (known === undefined) this.seen.set(stageDir, previous + 1);
    await settle();
    await archiveVisit(stageDir, previous);
  }
}

/** The visit the files at the spec's paths belong to: one past the kept ones, 0 when there are none. */
async function visitsOnDisk(stageDir: string): Promise<number> {
  const entries = await readdir(stageDir).catch(() => [] as string[]);
  const current = entries.some((name) => name !== visitsDirName) ? 1 : 0;
  if (!entries.includes(visitsDirName)) return current;
  const kept = await readdir(join(stageDir, visitsDirName)).catch(() => [] as string[]);
  return lastVisitNumber(kept) + current;
}

/** The highest `N` among folder names (other names are not ours and are ignored). */
export function lastVisitNumber(names: readonly string[]): number {
  let last = 0;
  for (const name of names) if (/^[1-9]\d*$/.test(name)) last = Math.max(last, Number(name));
  return last;
}

// Files a node reads back on its next visit: the feedback of checks that failed (seed 003).
const carriedAcrossVisits = new Set([feedbackFileName]);

/** Moves everything but `visits/` into `visits/{visit}/`; files the next visit reads are copied back. */
async function archiveVisit(stageDir: string, visit: number): Promise<void> {
  const entries = await readdir(stageDir).catch(() => [] as string[]);
  const files = entries.filter((name) => name !== visitsDirName);
  if (files.length === 0) return;
  const target = join(stageDir, visitsDirName, String(visit));
  await mkdir(target, { recursive: true, mode: PRIVATE_DIR_MODE });
  await Promise.all(files.map((name) => rename(join(stageDir, name), join(target, name))));
  await Promise.all(files.filter((name) => carriedAcrossVisits.has(name)).map((name) => copyFile(join(target, name), join(stageDir, name))));
}
