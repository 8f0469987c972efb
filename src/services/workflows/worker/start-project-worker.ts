import { systemClock } from '../../../core/clock.js';
import type { Logger } from '../../../core/logger.js';
import type { WorkflowRegistry } from '../../../workflows/loader/index.js';
import { startSlaSweeper } from '../../human-tasks/index.js';
import { workflowTimerHandlers } from '../timer-handlers.js';
import { projectTaskPorts } from '../project-context.js';
import { startWorkflowWork, type WorkflowWork, type WorkflowWorkOptions } from './start-worker.js';

export interface ProjectWorkerOptions extends Omit<WorkflowWorkOptions, 'projectDir' | 'log'> {
  projectDir: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often due timers (sleep(), SLAs) are swept. Default 1 s. */
  sweepMs?: number;
}

export interface ProjectWorker extends WorkflowWork {
  /** The project's workflows as loaded at start (problems included, for the start banner). */
  registry: WorkflowRegistry;
}

/**
 * `orchestra worker` and `orchestra dev` (issue 11): a workflow worker for one project, and a
 * timer sweeper beside it (workflow wake-ups and the SLAs of its tasks, escalations notified by the
 * project's routes), so a server needs no daemon. Loads the project's workflows first.
 */
export async function startProjectWorker(options: ProjectWorkerOptions): Promise<ProjectWorker> {
  const { store, projectDir, log } = options;
  const clock = options.clock ?? systemClock;
  const work = startWorkflowWork({ ...options, clock });
  let registry: WorkflowRegistry;
  let notifier;
  try {
    registry = await work.versions.reload(projectDir);
    ({ notifier } = await projectTaskPorts({ store, env: options.env, log }).settingsOf(projectDir));
  } catch (error) {
    await work.stop();
    throw error;
  }
  const sweeper = startSlaSweeper({
    store, notifier, clock, log,
    moreHandlers: workflowTimerHandlers(store, clock),
    ...(options.sweepMs !== undefined && { intervalMs: options.sweepMs }),
  });
  return {
    ...work,
    registry,
    async stop() {
      await Promise.all([work.stop(), sweeper.stop()]);
    },
  };
}
