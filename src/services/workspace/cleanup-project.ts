import type { z } from 'zod';
import { loadConfig } from '../../config/index.js';
import { parseDuration } from '../../core/duration.js';
import { ErrorCode, isOrchestraError } from '../../core/errors.js';
import type { Store } from '../../store/store.js';
import { findProjectRoot } from '../../workspace/project-root.js';
import { cleanupWorkspaces } from './cleanup-workspaces.js';
import type { CleanupReport } from './cleanup-types.js';
import type { cleanupInput } from './schemas.js';
import { workspacesDir } from './workspaces-dir.js';

export interface CleanupProjectDeps {
  store: Store;
  /** ORCHESTRA_HOME. */
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * `orchestra cleanup` and workspaces.cleanup (issue 14) for one project: its orchestra.yaml's
 * workspace repos and, when it is a git checkout, its stale task worktrees. `tenant` limits the runs
 * judged to one tenant's (the API's callers); the local CLI judges every run.
 */
export async function cleanupProject(deps: CleanupProjectDeps, input: z.output<typeof cleanupInput> & { tenant?: string }, now: number): Promise<CleanupReport> {
  const olderThanMs = input.olderThan === undefined ? 0 : parseDuration(input.olderThan, '--older-than');
  const { config } = await loadConfig({ startDir: input.project, env: deps.env });
  const projectRoot = await findProjectRoot(input.project).catch((error: unknown) => {
    if (isOrchestraError(error) && error.code === ErrorCode.NOT_A_PROJECT) return undefined;
    throw error;
  });
  return cleanupWorkspaces({
    store: deps.store,
    repos: Object.values(config.workspace.repos),
    worktreesRoot: workspacesDir(deps.home),
    home: deps.home,
    ...(projectRoot !== undefined && { projectRoot }),
    ...(input.tenant !== undefined && { tenant: input.tenant }),
    now,
    olderThanMs,
    force: input.force,
    dryRun: input.dryRun,
  });
}
