import { dirname, join } from 'node:path';
import { defaultRunsDir } from '../../store/home.js';
import { startWorkflowWork } from '../../services/workflows/worker/index.js';
import { watchStoreChanges } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import type { DaemonLog } from '../daemon/index.js';

export interface DaemonWorkflowOptions {
  store: Store;
  dbPath: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Omit<DaemonLog, 'close'>;
}

/**
 * The daemon's workflow worker (issue 11): runs, by default, the instances of every project that
 * recorded its folder (`workflow start` in a project does), each on the code of that project's
 * workflows/ at the version it is pinned to. Woken by any change to the store (an answer, a signal,
 * a start in another process). Their timers are fired by the daemon's sweeper (start-human-work.ts).
 */
export async function startDaemonWorkflows(options: DaemonWorkflowOptions): Promise<{ stop(): Promise<void> }> {
  const changes = watchStoreChanges(options.dbPath);
  // The workflows' `import … from 'orchestra'` is this process's own module: one copy of the SDK and runtime.
  const orchestraModule = (await import('../../index.js')) as Record<string, unknown>;
  const stageRoot = join(dirname(options.dbPath), 'workflow-agents');
  const runsDir = defaultRunsDir(dirname(options.dbPath));
  const work = startWorkflowWork({ store: options.store, env: options.env, log: options.log, changes, orchestraModule, stageRoot, runsDir });
  options.log.info('workflow worker started', { owner: work.owner });
  return {
    async stop() {
      await work.stop();
      changes.close();
    },
  };
}
