import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../core/package-root.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { isDeadLocalOwner } from '../../engine/run/lease-owner.js';
import { isLeaseExpired } from '../../store/lease-rules.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';
import type { DaemonLog } from '../daemon/index.js';

export interface AnsweredRunResumerOptions {
  store: Store;
  scope: TenantScope;
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
 * writing to `detached.log` in the run directory. The resume takes the answer exactly once.
 */
export function startAnsweredRunResumer(options: AnsweredRunResumerOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  const started = new Map<string, number>();
  let busy = false;
  const tick = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (const run of await runsToResume(options.store, options.scope, now())) {
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

async function runsToResume(store: Store, scope: TenantScope, now: number): Promise<RunRecord[]> {
  const { tasks } = await store.listHumanTasks(scope, { status: ['completed'], limit: 1000 });
  const runIds = new Set<string>();
  for (const task of tasks) {
    if (task.createdBy.kind === 'run' && task.answerConsumedAt === undefined) runIds.add(task.createdBy.runId);
  }
  const runs: RunRecord[] = [];
  for (const runId of runIds) {
    const run = await store.getRun(runId);
    if (run !== undefined && (await nobodyDrives(store, run, now))) runs.push(run);
  }
  return runs;
}

async function nobodyDrives(store: Store, run: RunRecord, now: number): Promise<boolean> {
  if (run.state === 'interrupted') return true;
  if (run.state !== 'running') return false;
  const lease = await store.getLease(run.id);
  return lease === undefined || isLeaseExpired(lease, now) || isDeadLocalOwner(lease.owner);
}

function spawnResume(run: RunRecord, env: AnsweredRunResumerOptions['env']): number | undefined {
  const log = openSync(join(run.logsRoot, 'detached.log'), 'a', 0o600);
  try {
    const child = spawn(process.execPath, [packagePath('bin', 'orchestra.js'), 'resume', run.id, '--quiet', '--detached'], {
      cwd: run.logsRoot,
      env: { ...env },
      stdio: ['ignore', log, log],
      detached: true,
    });
    child.on('error', () => {});
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}
