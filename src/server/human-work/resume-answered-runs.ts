import { join } from 'node:path';
import type { TenantScope } from '../../core/tenant-scope.js';
import { systemScopeFor } from '../../services/auth/index.js';
import { isDeadLocalOwner } from '../../engine/run/lease-owner.js';
import { isLeaseExpired } from '../../store/lease-rules.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';
import type { DaemonLog } from '../daemon/index.js';
import { spawnDetachedOrchestra } from '../runs/detached-process.js';

export interface AnsweredRunResumerOptions {
  store: Store;
  /** The environment of the `orchestra resume` processes (ORCHESTRA_HOME among it). */
  env: Readonly<Record<string, string | undefined>>;
  log: Pick<DaemonLog, 'info' | 'error'>;
  intervalMs?: number;
  now?: () => number;
}

/** A resume started less than this long ago is not started again (its process may still be starting). */
const retryAfterMs = 60_000;

/**
 * Carries on runs that nobody drives once their gate's task is answered (issue 10): a task created
 * by a run's gate, answered but not yet taken, whose run is `interrupted` or lost its process
 * (`running` with a lapsed lease, e.g. after `kill -9`), gets a background `orchestra resume RUN`
 * writing to `detached.log` in the run directory. The resume takes the answer exactly once. Every
 * run is carried on in the tenant stored with it, whatever tenant the daemon itself was started in.
 */
export function startAnsweredRunResumer(options: AnsweredRunResumerOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  const started = new Map<string, number>();
  let busy = false;
  const tick = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (const run of await runsToResume(options.store, now())) {
        const last = started.get(run.id);
        if (last !== undefined && now() - last < retryAfterMs) continue;
        started.set(run.id, now());
        const pid = spawnResume(run, options.env);
        options.log.info('resuming a run whose human task was answered', { runId: run.id, pid });
      }
    } catch (error) {
      options.log.error('looking for answered runs to resume failed', { error: (error as Error).message });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 2_000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}

/**
 * The runs nobody drives (cheap: two indexed listings), then, per tenant those runs were started
 * in, the answers their gates have not taken yet. Each run is looked at in its own tenant, never
 * the daemon's: a run started with `--tenant acme` has its gate tasks in acme.
 */
async function runsToResume(store: Store, now: number): Promise<RunRecord[]> {
  const idle: RunRecord[] = [];
  for (const state of ['interrupted', 'running'] as const) {
    for (const run of await store.listRuns({ state })) if (run.damaged === undefined && (await nobodyDrives(store, run, now))) idle.push(run);
  }
  const runs: RunRecord[] = [];
  for (const tenant of new Set(idle.map((run) => run.tenant))) {
    const answered = await runsWithUntakenAnswers(store, systemScopeFor(tenant));
    runs.push(...idle.filter((run) => run.tenant === tenant && answered.has(run.id)));
  }
  return runs;
}

/** Ids of runs with a completed gate task whose answer no run took yet, in one tenant (every page). */
async function runsWithUntakenAnswers(store: Store, scope: TenantScope): Promise<Set<string>> {
  const runIds = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await store.listHumanTasks(scope, { status: ['completed'], limit: 1000, ...(cursor !== undefined && { cursor }) });
    for (const task of page.tasks) {
      if (task.createdBy.kind === 'run' && task.answerConsumedAt === undefined) runIds.add(task.createdBy.runId);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return runIds;
}

async function nobodyDrives(store: Store, run: RunRecord, now: number): Promise<boolean> {
  if (run.state === 'interrupted') return true;
  if (run.state !== 'running') return false;
  const lease = await store.getLease(run.id);
  return lease === undefined || isLeaseExpired(lease, now) || isDeadLocalOwner(lease.owner);
}

function spawnResume(run: RunRecord, env: AnsweredRunResumerOptions['env']): number | undefined {
  return spawnDetachedOrchestra(['resume', run.id, '--quiet', '--detached'], { cwd: run.logsRoot, env, logFile: join(run.logsRoot, 'detached.log') }).pid;
}
