import type { TenantScope } from '../../core/tenant-scope.js';
import type { NewFeedEvent } from '../../store/feed.js';
import type { Store } from '../../store/store.js';
import type { TaskChange } from './service-context.js';

/** A coding task's change as a feed event, or undefined for output (too frequent; read the logs). */
export function taskChangeEntry(change: TaskChange, at: number): NewFeedEvent | undefined {
  if (change.kind === 'output') return undefined;
  const { projectRoot, taskId, slug, status, previousStatus, activity, needsInput } = change;
  const data = {
    taskId, slug, project: projectRoot,
    ...(status !== undefined && { status }), ...(previousStatus !== undefined && { previousStatus }),
    ...(activity !== undefined && { activity }), ...(needsInput !== undefined && { needsInput }),
  };
  return { kind: 'task', subject: String(taskId), type: `task.${change.kind}`, at, data };
}

export interface TaskFeedOptions {
  tasks: { onChange(listener: (change: TaskChange) => void): () => void };
  store: Pick<Store, 'appendFeedEvents'>;
  /** The tenant the daemon's tasks belong to (the local user's). */
  scope: TenantScope;
  now(): number;
  log: { warn(message: string, fields?: Record<string, unknown>): void };
}

/**
 * Appends the daemon's task changes (created, status, activity, removed) to the event feed with kind
 * `task` (issue 12): task files are not in the store, so no trigger can see them. Appends are
 * chained, so they keep the order the changes happened in. `stop()` unsubscribes and resolves once
 * the appends already started are done.
 */
export function feedTaskChanges(options: TaskFeedOptions): { stop(): Promise<void> } {
  let chain = Promise.resolve();
  const unsubscribe = options.tasks.onChange((change) => {
    const entry = taskChangeEntry(change, options.now());
    if (!entry) return;
    chain = chain
      .then(() => options.store.appendFeedEvents(options.scope, [entry]))
      .then(
        () => undefined,
        (error: Error) => options.log.warn('a task change did not reach the event feed', { taskId: change.taskId, error: error.message }),
      );
  });
  return {
    stop() {
      unsubscribe();
      return chain;
    },
  };
}
