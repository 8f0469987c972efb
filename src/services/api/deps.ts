import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../store/store.js';
import type { WorkflowRegistry } from '../../workflows/loader/index.js';
import type { HumanTaskSettings } from './human-task-settings.js';
import type { TaskPort } from './task-port.js';
import type { RunLauncher } from '../runs/launch-port.js';
import type { StoreWake } from '../approvals/index.js';

/**
 * What the operations work with (issue 12), built once by the process that serves them (the daemon,
 * `orchestra serve`). Each area of operations adds the ports it needs here (tasks: the daemon's task
 * service; runs: the daemon's run driver); the handlers reach everything else through the services.
 */
export interface ApiDeps {
  store: Store;
  clock: Clock;
  /** ORCHESTRA_HOME. */
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * The project folders this process serves (absolute real paths; the daemon's list, which a local
   * `orchestra` command in a project adds it to). An operation naming a project must name one of
   * them (requireKnownProject): a token is never a way to make the daemon load code from any folder.
   */
  projects: { list(): readonly string[] };
  /**
   * The `people:` (who the caller is, their groups, whether an admin) and the notice routing a
   * human-task operation acts under: those of `projectDir`'s orchestra.yaml (a known project), else
   * the daemon's own ($ORCHESTRA_HOME/config.yaml). The daemon serves createHumanTaskSettings.
   */
  humanTaskSettings(projectDir?: string): Promise<HumanTaskSettings>;
  /** How a project's workflows/ is loaded; default loadWorkflows (jiti). Tests share their module instance. */
  loadWorkflows?: (projectDir: string) => Promise<WorkflowRegistry>;
  /** The daemon's coding-agent tasks (src/server/tasks: `taskPort(service)`). */
  tasks: TaskPort;
  /**
   * Drives the runs the API starts, resumes and replays (issue 12): the daemon spawns the detached
   * `orchestra` process `run --detach` spawns (src/server/runs/run-launcher.ts).
   */
  runs: RunLauncher;
  /**
   * Wakes a wait when the store changes (any process's commit): the daemon's shared watcher
   * (createFeedWakeup). Long waits (approvals.request) sleep on it; without it they look again each second.
   */
  storeWake?: StoreWake;
}
