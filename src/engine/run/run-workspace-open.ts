import type { WorkspaceRepoState } from '../../core/events.js';
import type { RepoHeads, RunWorkspace, RunWorkspaces } from '../../workspace/run-workspace/types.js';
import type { EventLog } from './event-log.js';

/**
 * How a run gets its workspace (issue 14): a new run creates its session branches (a replay at its
 * checkpoint's heads); a resumed one reopens them, back at its last checkpoint's heads.
 */
export type WorkspaceOpening =
  | { kind: 'create'; at?: RepoHeads }
  | { kind: 'reopen'; at?: RepoHeads }
  /** A child run: its parent node's worktrees, nothing opened, nothing pushed (the parent does both). */
  | { kind: 'inherit'; workspace: RunWorkspace };

export interface OpenWorkspaceSpec {
  workspaces: RunWorkspaces;
  events: EventLog;
  runId: string;
  /** The run record's pipeline name: it is part of the session branch's name. */
  pipeline: string;
  opening: Exclude<WorkspaceOpening, { kind: 'inherit' }>;
}

/**
 * Opens the run's workspace and records it: `workspace.rescued` for each piece of work a reopen kept
 * on a rescue ref, then `workspace.opened` with every repo's branch, worktree and HEAD. The events
 * are stored before they are announced (EventLog), so a crash after this leaves them recorded.
 */
export async function openRunWorkspace(spec: OpenWorkspaceSpec): Promise<RunWorkspace> {
  const { workspaces, events, runId, pipeline, opening } = spec;
  const at = opening.at ? { at: opening.at } : {};
  if (opening.kind === 'create') {
    const workspace = await workspaces.create({ runId, pipeline, ...at });
    await events.emit({ type: 'workspace.opened', repos: await repoStates(workspace), resumed: false });
    return workspace;
  }
  const { workspace, rescued } = await workspaces.reopen({ runId, pipeline, ...at });
  await events.emit([
    ...rescued.map((work) => ({ type: 'workspace.rescued' as const, repo: work.repo, ref: work.ref, sha: work.sha })),
    { type: 'workspace.opened', repos: await repoStates(workspace), resumed: true },
  ]);
  return workspace;
}

async function repoStates(workspace: RunWorkspace): Promise<Record<string, WorkspaceRepoState>> {
  const heads = await workspace.heads();
  const states: Record<string, WorkspaceRepoState> = {};
  for (const [repo, path] of Object.entries(workspace.paths)) {
    states[repo] = { branch: workspace.branches[repo] ?? '', path, sha: heads[repo] ?? '' };
  }
  return states;
}
