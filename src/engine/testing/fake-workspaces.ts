import type { CommitScope, PushReport, RepoHeads, RescuedWork, RunWorkspace, RunWorkspaces } from '../../workspace/run-workspace/types.js';
import type { PushEvent } from '../../workspace/push-branch.js';

/** What a FakeWorkspaces saw, in order: the engine's side of the RunWorkspace interface, for tests. */
export interface WorkspaceCall {
  call: 'create' | 'reopen' | 'commit' | 'push';
  runId?: string;
  at?: RepoHeads;
  scope?: CommitScope;
  event?: PushEvent;
}

export interface FakeWorkspaceOptions {
  /** Repo name → worktree path; default `{ app: '/ws/app' }` (the first is primary). */
  paths?: Record<string, string>;
  /** What each push reports; default every repo pushed. */
  push?: (event: PushEvent, repo: string) => PushReport | undefined;
  rescued?: RescuedWork[];
  /** Thrown by create (a repo that is not a git repository, …). */
  createError?: Error;
}

/**
 * An in-memory RunWorkspaces: each commit advances every repo to a new fake SHA (`<repo>-<n>`), so a
 * test can tell which commit a checkpoint or a turn recorded; create/reopen `at` sets the heads.
 */
export class FakeWorkspaces implements RunWorkspaces {
  readonly calls: WorkspaceCall[] = [];
  private commits = 0;
  heads: RepoHeads;

  constructor(private readonly options: FakeWorkspaceOptions = {}) {
    this.heads = Object.fromEntries(Object.keys(this.paths()).map((repo) => [repo, `${repo}-0`]));
  }

  create(run: { runId: string; pipeline: string; at?: RepoHeads }): Promise<RunWorkspace> {
    this.calls.push({ call: 'create', runId: run.runId, ...(run.at && { at: run.at }) });
    if (this.options.createError) return Promise.reject(this.options.createError);
    if (run.at) this.heads = { ...run.at };
    return Promise.resolve(this.workspace(run.pipeline, run.runId));
  }

  reopen(run: { runId: string; pipeline: string; at?: RepoHeads }): Promise<{ workspace: RunWorkspace; rescued: RescuedWork[] }> {
    this.calls.push({ call: 'reopen', runId: run.runId, ...(run.at && { at: run.at }) });
    if (run.at) this.heads = { ...run.at };
    return Promise.resolve({ workspace: this.workspace(run.pipeline, run.runId), rescued: this.options.rescued ?? [] });
  }

  commitsOf(call: WorkspaceCall['call']): WorkspaceCall[] {
    return this.calls.filter((entry) => entry.call === call);
  }

  private paths(): Record<string, string> {
    return this.options.paths ?? { app: '/ws/app' };
  }

  private workspace(pipeline: string, runId: string): RunWorkspace {
    const paths = this.paths();
    const branches = Object.fromEntries(Object.keys(paths).map((repo) => [repo, `orchestra/${pipeline}/${runId}`]));
    const workspace: RunWorkspace = {
      paths,
      branches,
      primary: Object.values(paths)[0] ?? '/',
      commit: (scope) => {
        this.calls.push({ call: 'commit', scope });
        this.commits += 1;
        this.heads = Object.fromEntries(Object.keys(paths).map((repo) => [repo, `${repo}-${this.commits}`]));
        return Promise.resolve({ ...this.heads });
      },
      heads: () => Promise.resolve({ ...this.heads }),
      branch: () => Promise.resolve(workspace),
      merge: () => Promise.resolve({ kind: 'merged', heads: { ...this.heads } }),
      push: (event) => {
        this.calls.push({ call: 'push', event });
        const reports = Object.keys(paths).map((repo) => this.options.push?.(event, repo) ?? { repo, branch: branches[repo] ?? '', pushed: true });
        return Promise.resolve(reports);
      },
      dispose: () => Promise.resolve(),
    };
    return workspace;
  }
}
