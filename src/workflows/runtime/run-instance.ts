import { ErrorCode, isOrchestraError, OrchestraError } from '../../core/errors.js';
import { cleanedUp, complete, fail, resume, suspend } from '../../store/workflow-transitions.js';
import type { WorkflowInstance, WorkflowStatus } from '../../store/workflow-types.js';
import type { WorkflowDefinition } from '../definition.js';
import { cancelChildren } from './control.js';
import type { WorkflowDeps } from './deps.js';
import { Cancelled, Diverged, Superseded, Suspend } from './halt.js';
import { unreplayedError } from './journal-match.js';
import { requireJson } from './json-result.js';
import { toWorkflowError } from './step-error.js';
import { WorkflowRun } from './workflow-run.js';

/** How a runInstance call ended: the instance's status, or why this process did not drive it. */
export interface RunOutcome {
  status: WorkflowStatus | 'locked' | 'superseded';
  instance?: WorkflowInstance;
}

const defaultTtlMs = 30_000;
/** Replays in one call when wakes keep arriving while it suspends: each one means there is news. */
const maxReplays = 100;

/**
 * Drives one instance as far as it goes: takes its lease, replays the function against the journal
 * and records where it ended (completed, failed, waiting, or the cleanup of a cancel done). Safe to
 * call at any time and from any process: a crash anywhere is followed by another call that
 * replays. 'locked': another process holds the lease; 'superseded': it took over meanwhile.
 */
export async function runInstance<I, O>(deps: WorkflowDeps, definition: WorkflowDefinition<I, O>, instanceId: string): Promise<RunOutcome> {
  const { store, scope, owner } = deps;
  const ttl = deps.leaseTtlMs ?? defaultTtlMs;
  const found = await store.getWorkflow(scope, instanceId);
  if (!found) throw new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `workflow instance "${instanceId}" does not exist`, { hint: 'List instances with `orchestra workflow list`.' });
  if (found.name !== definition.name) throw new OrchestraError(ErrorCode.USAGE, `workflow instance "${instanceId}" is a "${found.name}", not a "${definition.name}"`);
  if (!hasWork(found)) return { status: found.status, instance: found };
  if (!(await store.acquireWorkflowLease(scope, instanceId, owner, ttl, deps.clock.now()))) return { status: 'locked', instance: found };
  let lost = false;
  const heartbeat = setInterval(() => {
    store.renewWorkflowLease(scope, instanceId, owner, ttl, deps.clock.now()).then((held) => (lost ||= !held), () => undefined);
  }, ttl / 3);
  heartbeat.unref();
  const drive = async (): Promise<RunOutcome> => {
    for (let replay = 0; replay < maxReplays && !lost; replay++) {
      const instance = await store.updateWorkflow(scope, instanceId, resume(deps.clock.now()));
      if (!hasWork(instance)) return { status: instance.status, instance };
      const ended = await replayOnce(deps, definition, instance);
      if (ended) return ended;
    }
    return { status: lost ? 'superseded' : 'running' };
  };
  try {
    const { status, instance } = await drive();
    // The lease is released below: the instance handed back does not claim to be held.
    if (!instance) return { status };
    const { leaseOwner: _owner, leaseExpiresAt: _expires, ...released } = instance;
    return { status, instance: released };
  } finally {
    clearInterval(heartbeat);
    await store.releaseWorkflowLease(scope, instanceId, owner);
  }
}

function hasWork(instance: WorkflowInstance): boolean {
  return instance.status === 'running' || instance.status === 'waiting' || instance.cleanupPending === true;
}

/** One replay; undefined when a wake came in while it was suspending (replay again at once). */
async function replayOnce<I, O>(deps: WorkflowDeps, definition: WorkflowDefinition<I, O>, instance: WorkflowInstance): Promise<RunOutcome | undefined> {
  const { store, scope } = deps;
  const journal = await store.readJournal(scope, instance.id);
  const run = new WorkflowRun(deps, instance, journal);
  // A parked function never settles: stop waiting for it as soon as it parks.
  const settled = await Promise.race<{ value: unknown } | { error: unknown } | { parked: true }>([
    Promise.resolve()
      .then(() => definition.run(run, instance.input as I))
      .then((value) => ({ value }), (error: unknown) => ({ error })),
    run.parked.then(() => ({ parked: true as const })),
  ]);
  const now = deps.clock.now();
  const halt = run.halt;
  if (halt instanceof Superseded) return { status: 'superseded' };
  const record = async (decide: Parameters<typeof store.updateWorkflow>[2]): Promise<RunOutcome | undefined> => {
    try {
      const after = await store.updateWorkflow(scope, instance.id, decide);
      // A suspend refused because a wake came in: the instance stays running, replay again.
      return after.status === 'running' ? undefined : { status: after.status, instance: after };
    } catch (error) {
      // Cancelled while the function ran its last stretch: what is left to do is the cleanup mark.
      if (!isOrchestraError(error) || error.code !== ErrorCode.WORKFLOW_STATE) throw error;
      return record(cleanedUp(now));
    }
  };
  if (halt instanceof Cancelled || instance.status === 'cancelled') {
    await cancelChildren(deps, instance.id);
    return record(cleanedUp(now));
  }
  if (halt instanceof Suspend) return record(suspend(halt.wait, instance.wakeups, now, halt.at));
  if (halt instanceof Diverged) return record(fail(toWorkflowError(halt.error), now));
  if ('parked' in settled) throw new Error('a parked workflow has a halt');
  if ('error' in settled) return record(fail(failure(settled.error), now));
  const rest = journal[run.used];
  if (rest) return record(fail(toWorkflowError(unreplayedError(definition.name, rest)), now));
  let result;
  try {
    result = requireJson(settled.value === undefined ? null : settled.value, `workflow "${definition.name}"`);
  } catch (error) {
    return record(fail(toWorkflowError(error), now));
  }
  return record(complete(result, now));
}

/** The function's own error keeps its code; anything else is E_WORKFLOW_FAILED with its message. */
function failure(error: unknown) {
  const recorded = toWorkflowError(error);
  return isOrchestraError(error) || recorded.code !== 'E_STEP' ? recorded : { ...recorded, code: ErrorCode.WORKFLOW_FAILED };
}
