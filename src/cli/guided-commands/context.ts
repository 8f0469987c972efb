import { systemClock } from '../../core/clock.js';
import { findProjectDir } from '../../config/project-dir.js';
import { authenticateLocal } from '../../services/auth/local-scope.js';
import type { GuidedServiceContext } from '../../services/guided/index.js';
import type { CommandContext } from '../command-context.js';
import { openCliStore } from '../store-location.js';
import { daemonTasks } from './daemon-tasks.js';

/** The options every `guided` command takes besides its own. */
export interface GuidedCommandOptions {
  tenant?: string;
  json?: boolean;
}

/**
 * Runs `work` with the guided services' context: the local user authenticated for `--tenant` (else
 * ORCHESTRA_TENANT, else `default`), the user's store, the environment (for the model and
 * WORKFLOW_DEFINITIONS_DIR), and the daemon's coding tasks, reached only when a step waits for one.
 * `projectDir` is the project of the current folder (the nearest orchestra.yaml's, else the folder).
 * Closes the store and any daemon connection after it.
 */
export async function withGuided<T>(ctx: CommandContext, options: GuidedCommandOptions, work: (service: GuidedServiceContext, projectDir: string) => Promise<T>): Promise<T> {
  const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
  const projectDir = findProjectDir(ctx.io.cwd) ?? ctx.io.cwd;
  const { store } = await openCliStore(ctx.io.env);
  const daemon = daemonTasks(ctx);
  try {
    return await work({ store, scope, clock: systemClock, env: ctx.io.env, tasks: daemon.tasks }, projectDir);
  } finally {
    daemon.close();
    await store.close();
  }
}
