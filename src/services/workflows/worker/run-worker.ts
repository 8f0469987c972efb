import type { Clock } from '../../../core/clock.js';
import type { Logger } from '../../../core/logger.js';
import type { TenantScope } from '../../../core/tenant-scope.js';
import type { Store } from '../../../store/store.js';
import type { WorkflowClaimFilter, WorkflowInstance } from '../../../store/workflow-types.js';
import { runInstance, type RunOutcome, type WorkflowDeps } from '../../../workflows/runtime/index.js';
import { systemScopeFor } from '../../auth/index.js';
import type { FoundWorkflow } from './workflow-versions.js';

/** The ports a worker hands the runtime per instance. */
export type WorkflowPorts = Pick<WorkflowDeps, 'humanTasks' | 'agents' | 'pipelines' | 'definitions'>;

/** What wakes an idle worker as soon as another process changed the store (store-changes.ts). */
export interface ChangeFeed {
  next(timeoutMs: number, signal?: AbortSignal): Promise<boolean>;
}

export interface WorkflowWorkerOptions {
  store: Store;
  clock: Clock;
  /** Unique per process: holds the instances' leases. */
  owner: string;
  /** The code of a claimed instance (workflow-versions.ts); undefined when this worker does not know it. */
  find(instance: WorkflowInstance): Promise<FoundWorkflow | undefined>;
  /** The ports of the instance's effects (task(), agent(), child()…), in its tenant (project-context.ts). */
  ports(scope: TenantScope, instance: WorkflowInstance, found: FoundWorkflow): Promise<WorkflowPorts> | WorkflowPorts;
  filter?: WorkflowClaimFilter;
  /**
   * Instances driven at once. Default 32: a replay mostly waits (on a step's I/O, an agent, the
   * store's commit), and the steps of instances driven together share one commit (group commit):
   * 8 at once ran 1,000 ten-step workflows in 0.93 s here, 32 in 0.66 s.
   */
  concurrency?: number;
  leaseTtlMs?: number;
  changes?: ChangeFeed;
  /** How long an idle worker waits before claiming again without news. Default 1 s. */
  idleMs?: number;
  /** Stops claiming; the instances being driven finish their replay (until they wait, end, or the grace ends: then their leases are released). */
  signal: AbortSignal;
  /** How long a stopping worker lets running replays finish. Default 10 s. */
  graceMs?: number;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Told after each replay (the live log of `orchestra dev`). */
  onRun?: (instance: WorkflowInstance, outcome: RunOutcome, found: FoundWorkflow) => Promise<void> | void;
}

/**
 * The workflow worker (issue 11): claims runnable instances (claimRunnableWorkflows, each by one
 * worker), finds the code each is pinned to and replays it with runInstance, in the instance's
 * tenant. When idle it waits for the store to change (any process: a start, an answer, a signal, a
 * fired timer), so the next step starts within milliseconds. An instance whose code this worker
 * does not have keeps its claim until it lapses, for a worker that has it. Resolves once stopped.
 */
export async function runWorkflowWorker(options: WorkflowWorkerOptions): Promise<void> {
  const { store, clock, owner, signal, log, concurrency = 32, leaseTtlMs = 30_000, idleMs = 1_000, graceMs = 10_000 } = options;
  const running = new Map<string, { done: Promise<void>; tenant: string }>();
  /** Claimed instances this worker has no code for, by id: their claims are released on stop. */
  const unknown = new Map<string, string>();
  let kick: (() => void) | undefined;
  const drive = async (instance: WorkflowInstance): Promise<void> => {
    const scope = systemScopeFor(instance.tenant);
    const found = await options.find(instance);
    if (!found) {
      if (!unknown.has(instance.id)) log.warn('no code for this workflow instance here: left to a worker that has it', { instance: instance.id, workflow: instance.name, project: instance.projectDir });
      unknown.set(instance.id, instance.tenant);
      return;
    }
    const deps: WorkflowDeps = { store, scope, clock, owner, leaseTtlMs, ...(await options.ports(scope, instance, found)) };
    const outcome = await runInstance(deps, found.loaded.definition, instance.id);
    await options.onRun?.(instance, outcome, found);
  };
  const start = (instance: WorkflowInstance): void => {
    const done = drive(instance)
      .catch(async (error: Error) => {
        log.error('workflow replay failed; it is tried again', { instance: instance.id, error: error.message });
        await store.releaseWorkflowLease(systemScopeFor(instance.tenant), instance.id, owner).catch(() => undefined);
      })
      .finally(() => {
        running.delete(instance.id);
        kick?.();
      });
    running.set(instance.id, { done, tenant: instance.tenant });
  };
  while (!signal.aborted) {
    const free = concurrency - running.size;
    let claimed: WorkflowInstance[] = [];
    if (free > 0) {
      try {
        claimed = await store.claimRunnableWorkflows(owner, clock.now(), leaseTtlMs, free, options.filter);
      } catch (error) {
        log.warn('claiming workflow instances failed; trying again', { error: (error as Error).message });
      }
    }
    // An instance this worker still drives comes back when its lease lapsed meanwhile (a slow step, a
    // loaded machine): the claim renewed the lease, and a second replay would run its step again.
    claimed.filter((instance) => !running.has(instance.id)).forEach(start);
    if (free > 0 && claimed.length === free) continue;
    // Idle: until the store changes, a replay ends (a slot is free), the idle time passes, or stop.
    const wait = new AbortController();
    kick = () => wait.abort();
    const both = AbortSignal.any([signal, wait.signal]);
    await (options.changes ? options.changes.next(idleMs, both) : clock.sleep(idleMs, both).catch(() => undefined));
    kick = undefined;
  }
  await stopDriving([...running.values()].map((run) => run.done), graceMs);
  // Replays still under way after the grace are abandoned with the process: their leases are released
  // so another worker takes them over at once (like a kill, at most the step under way runs twice).
  const held = [...unknown, ...[...running].map(([id, run]) => [id, run.tenant] as const)];
  for (const [id, tenant] of held) await store.releaseWorkflowLease(systemScopeFor(tenant), id, owner).catch(() => undefined);
}

/** Lets running replays reach their next wait or their end, within the grace. */
async function stopDriving(running: Promise<void>[], graceMs: number): Promise<void> {
  if (running.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(running), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
}
