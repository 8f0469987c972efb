import type { WorkspaceRepoState } from '../../core/events.js';
import type { RepoHeads, RescuedWork, RunWorkspace, RunWorkspaces } from '../../workspace/run-workspace/types.js';
import type { EventLog } from './event-log.js';

/**
 * A run's workspace as driveRun gets it (issue 14): opened by the way in before the run is driven
 * (so that a repo that is not a git repository is an error of `run`, `resume` or `replay`, like a bad
 * pipeline, before anything starts), or a child run's parent's worktrees.
 */
export type WorkspaceOpening =
  | { kind: 'opened'; workspace: RunWorkspace; rescued: RescuedWork[]; resumed: boolean }
  /** A child run: its parent node's worktrees, nothing opened, nothing pushed (the parent does both). */
  | { kind: 'inherit'; workspace: RunWorkspace };

/**
 * A new run creates its session branches (a replay at its checkpoint's heads); a resumed one reopens
 * them, back at `at` (its last checkpoint's heads, or a turn's), work after them kept on rescue refs.
 */
export async function acquireRunWorkspace(workspaces: RunWorkspaces, run: { runId: string; pipeline: string }, how: { kind: 'create' | 'reopen'; at?: RepoHeads | undefined }): Promise<WorkspaceOpening> {
  const spec = { runId: run.runId, pipeline: run.pipeline, ...(how.at && { at: how.at }) };
  if (how.kind === 'create') return { kind: 'opened', workspace: await workspaces.create(spec), rescued: [], resumed: false };
  const { workspace, rescued } = await workspaces.reopen(spec);
  return { kind: 'opened', workspace, rescued, resumed: true };
}

/**
 * Records the opened workspace: `workspace.rescued` for each piece of work kept on a rescue ref, then
 * `workspace.opened` with every repo's branch, worktree and HEAD, stored before they are announced.
 */
export async function announceWorkspace(events: EventLog, opening: Extract<WorkspaceOpening, { kind: 'opened' }>): Promise<void> {
  const { workspace, rescued, resumed } = opening;
  await events.emit([
    ...rescued.map((work) => ({ type: 'workspace.rescued' as const, repo: work.repo, ref: work.ref, sha: work.sha })),
    { type: 'workspace.opened', repos: await repoStates(workspace), resumed },
  ]);
}

async function repoStates(workspace: RunWorkspace): Promise<Record<string, WorkspaceRepoState>> {
  const heads = await workspace.heads();
  const states: Record<string, WorkspaceRepoState> = {};
  for (const [repo, path] of Object.entries(workspace.paths)) {
    states[repo] = { branch: workspace.branches[repo] ?? '', path, sha: heads[repo] ?? '' };
  }
  return states;
}
