import { isOrchestraError } from '../../core/errors.js';
import { isDeadLocalOwner } from '../../engine/run/lease-owner.js';
import { tryGit } from '../../workspace/run-git.js';
import { isRunStale } from '../runs/run-liveness.js';
import { cleanupRepo, type RunToJudge } from './cleanup-repo.js';
import { cleanupTaskWorktrees } from './cleanup-task-worktrees.js';
import type { CleanupOptions, CleanupProblem, CleanupReport } from './cleanup-types.js';

/**
 * `orchestra cleanup` (issue 14): the session branches and worktrees of finished runs in every workspace
 * repo, then the project's stale task worktrees, then `git worktree prune`. A repo that fails is reported
 * and the others are still cleaned; on a dry run the same decisions are reported and nothing changes.
 */
export async function cleanupWorkspaces(o: CleanupOptions): Promise<CleanupReport> {
  const flags = { olderThanMs: o.olderThanMs ?? 0, force: o.force === true, dryRun: o.dryRun === true };
  const report: CleanupReport = { dryRun: flags.dryRun, removed: [], kept: [], problems: [], pruned: [] };
  const runs = o.repos.length === 0 ? [] : await runsToJudge(o);
  for (const repo of o.repos) {
    // First, so that a dry run lists what the real one prunes (removing a worktree prunes too).
    report.pruned.push(...(await prune(repo.path, flags.dryRun)));
    const done = await attempt(repo.name, report.problems, () => cleanupRepo({ ...flags, repo, runs, worktreesRoot: o.worktreesRoot, now: o.now }));
    if (done === undefined) continue;
    report.removed.push(...done.removed);
    report.kept.push(...done.kept);
    report.problems.push(...done.problems);
  }
  if (o.projectRoot !== undefined) {
    const root = o.projectRoot;
    if (!o.repos.some((repo) => repo.path === root)) report.pruned.push(...(await prune(root, flags.dryRun)));
    const done = await attempt(root, report.problems, () => cleanupTaskWorktrees({ ...flags, projectRoot: root, home: o.home }));
    if (done !== undefined) {
      report.removed.push(...done.removed);
      report.kept.push(...done.kept);
    }
  }
  return report;
}

/** Every stored run with whether a live process still drives it (its lease). */
async function runsToJudge(o: CleanupOptions): Promise<RunToJudge[]> {
  const records = (await o.store.listRuns()).filter((run) => run.damaged === undefined && (o.tenant === undefined || run.tenant === o.tenant));
  return Promise.all(
    records.map(async (record) => {
      const lease = record.state === 'running' ? await o.store.getLease(record.id) : undefined;
      const stale = isRunStale(record, lease, o.now, o.isDeadOwner ?? isDeadLocalOwner);
      return { record, facts: { state: record.state, stale, finishedAt: record.finishedAt, updatedAt: record.updatedAt } };
    }),
  );
}

async function attempt<T>(repo: string, problems: CleanupProblem[], work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    problems.push({ repo, code: error.code, message: error.message, ...(error.hint !== undefined && { hint: error.hint }) });
    return undefined;
  }
}

/** `git worktree prune`: registrations whose folder is gone (a worktree deleted by hand); its lines, one per entry. */
async function prune(dir: string, dryRun: boolean): Promise<string[]> {
  const result = await tryGit(dir, ['worktree', 'prune', '--verbose', ...(dryRun ? ['--dry-run'] : [])]);
  if (result.exitCode !== 0) return [];
  return `${result.stdout}${result.stderr}`.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => `${dir}: ${line}`);
}
