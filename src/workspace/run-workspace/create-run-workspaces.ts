import type { RescuedWork, RunWorkspace, RunWorkspaces } from './types.js';
import { resolveRunWorkspacesOptions, type RunWorkspacesOptions } from './options.js';
import { rescueAndReset } from './rescue.js';
import { createSessionCheckouts, reopenSessionCheckouts } from './session-checkouts.js';
import { makeRunWorkspace } from './workspace.js';

/**
 * The engine's way to git workspaces (issue 14): session branches and worktrees per run from the configured
 * repos, reopened at a checkpoint's commits on resume.
 * @example const workspaces = createRunWorkspaces({ repos: config.workspace.repos, worktreesRoot: join(home, 'worktrees') })
 */
export function createRunWorkspaces(options: RunWorkspacesOptions): RunWorkspaces {
  const o = resolveRunWorkspacesOptions(options);
  return {
    async create(run): Promise<RunWorkspace> {
      const checkouts = await createSessionCheckouts(o.repos, o.worktreesRoot, run, o.logger);
      return makeRunWorkspace(checkouts, run.runId, o);
    },
    async reopen(run): Promise<{ workspace: RunWorkspace; rescued: RescuedWork[] }> {
      const checkouts = await reopenSessionCheckouts(o.repos, o.worktreesRoot, run);
      const rescued: RescuedWork[] = [];
      for (const { repo, worktree } of checkouts) {
        const at = run.at?.[repo.name];
        if (at === undefined) continue;
        const kept = await rescueAndReset(repo, worktree, at, run.runId);
        if (kept === undefined) continue;
        o.logger.info('Kept work found after the checkpoint on a rescue ref before resuming.', { ...kept });
        rescued.push(kept);
      }
      return { workspace: makeRunWorkspace(checkouts, run.runId, o), rescued };
    },
  };
}
