import { systemClock } from '../../core/clock.js';
import { findProjectDir } from '../../config/project-dir.js';
import { authenticateLocal } from '../../services/auth/local-scope.js';
import type { WorkflowServiceContext } from '../../services/workflows/index.js';
import type { CommandContext } from '../command-context.js';
import { openCliStore } from '../store-location.js';

/** The options every `workflow` command takes besides its own. */
export interface WorkflowCommandOptions {
  tenant?: string;
  json?: boolean;
}

/**
 * Runs `work` with the workflow services' context: the local user authenticated for `--tenant`
 * (else ORCHESTRA_TENANT, else `default`), the user's store, and the project of the current folder
 * (the nearest orchestra.yaml's folder, else the folder itself). Closes the store after it.
 */
export async function withWorkflows<T>(ctx: CommandContext, options: WorkflowCommandOptions, work: (service: WorkflowServiceContext) => Promise<T>): Promise<T> {
  const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
  const projectDir = findProjectDir(ctx.io.cwd) ?? ctx.io.cwd;
  const { store } = await openCliStore(ctx.io.env);
  try {
    return await work({ store, scope, clock: systemClock, projectDir });
  } finally {
    await store.close();
  }
}
