import type { RepoHeads } from '../../workspace/run-workspace/types.js';
import type { RunContext } from '../context.js';

/**
 * Where a checkpoint keeps every workspace repo's HEAD (issue 14): context keys
 * `internal.workspace.<repo>`, written after each node's commit, so that resume and replay put the
 * worktrees back at the SHAs of the checkpoint they start from. A loop restart keeps them.
 */
export const workspaceHeadPrefix = 'internal.workspace.';

export function setWorkspaceHeads(context: RunContext, heads: RepoHeads): void {
  for (const [repo, sha] of Object.entries(heads)) context.set(`${workspaceHeadPrefix}${repo}`, sha);
}

/** The heads a checkpoint's context recorded; undefined when it has none (no workspace, or none yet). */
export function workspaceHeadsOf(context: Readonly<Record<string, unknown>>): RepoHeads | undefined {
  const heads: RepoHeads = {};
  for (const [key, value] of Object.entries(context)) {
    if (key.startsWith(workspaceHeadPrefix) && typeof value === 'string' && value !== '') heads[key.slice(workspaceHeadPrefix.length)] = value;
  }
  return Object.keys(heads).length > 0 ? heads : undefined;
}
