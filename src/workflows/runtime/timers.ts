import type { Timer } from '../../store/timer-types.js';
import type { WorkflowRun } from './workflow-run.js';

/** The timer kind a worker fires by waking the instance (fire-timer.ts). */
export const workflowWakeKind = 'workflow.wake';

/** One timer per journal position: scheduling it again on a replay keeps the first (the store ignores a known id). */
export function workflowTimerId(instanceId: string, position: number): string {
  return `wf:${instanceId}:${position}`;
}

/**
 * The durable timer of the call at `position`, scheduled now for `now + ms` (or `at`) unless a
 * replay scheduled it before: its due time, fixed when first scheduled, is what the call waits for.
 */
export async function positionTimer(run: WorkflowRun, position: number, dueAt: number): Promise<Timer> {
  const { store, scope } = run.deps;
  const id = workflowTimerId(run.workflowId, position);
  const existing = await store.getTimer(scope, id);
  if (existing) return existing;
  await store.scheduleTimers(scope, [{ id, kind: workflowWakeKind, subjectId: run.workflowId, dueAt, payload: { position }, createdAt: run.now() }]);
  const timer = await store.getTimer(scope, id);
  if (!timer) throw new Error(`timer ${id} vanished after it was scheduled`);
  return timer;
}
