import { dirname } from 'node:path';
import { loadConfig } from '../../config/index.js';
import type { Logger } from '../../core/logger.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';
import type { CliIo } from '../cli-io.js';
import type { StoreLocation } from '../store-location.js';

/**
 * The git workspaces of a run this process drives (`run`, `resume`, `replay`, issue 14): those of
 * the orchestra.yaml found from the DOT file's folder, under `$ORCHESTRA_HOME/workspaces`; none
 * when it configures no `workspace.repos`.
 */
export async function cliRunWorkspaces(io: Pick<CliIo, 'env'>, settings: { pipelineFile: string; location: Pick<StoreLocation, 'home'> }, logger: Logger): Promise<RunWorkspaces | undefined> {
  const { config } = await loadConfig({ startDir: dirname(settings.pipelineFile), env: io.env });
  if (Object.keys(config.workspace.repos).length === 0) return undefined;
  // Loaded only for runs with a workspace: git and the commit-message model stay out of `run`'s start otherwise (issue 9).
  const { runWorkspacesFor } = await import('../../services/workspace/run-workspaces-for.js');
  return runWorkspacesFor(config, { home: settings.location.home, env: io.env, logger });
}
