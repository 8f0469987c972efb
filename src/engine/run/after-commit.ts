import type { Frame, RunScope } from './run-scope.js';

/** Runs, in order, the clean-up the node asked for once its outcome was committed (HandlerServices.afterCommit). */
export async function runAfterCommit(scope: RunScope, frame: Frame): Promise<void> {
  const tasks = frame.afterCommit;
  if (!tasks || tasks.length === 0) return;
  frame.afterCommit = [];
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      scope.engine.logger.warn('clean-up after a committed node failed', { runId: scope.runId, error: String(error) });
    }
  }
}
