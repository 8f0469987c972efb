import type { ConflictPolicy, ResolvedRepo } from '../../config/config-types.js';
import { systemClock, type Clock } from '../../core/clock.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { CommitMessageWriter } from './types.js';

export interface RunWorkspacesOptions {
  /** The configured repos, in config order (the resolved config's `workspace.repos`, as a list or a record). */
  repos: readonly ResolvedRepo[] | Readonly<Record<string, ResolvedRepo>>;
  /** A folder Orchestra owns (under ORCHESTRA_HOME): worktrees go to `{worktreesRoot}/{runId}/…`. */
  worktreesRoot: string;
  /** Writes turn commit messages (the `cheap` model); absent: the deterministic message. */
  writeMessage?: CommitMessageWriter;
  /** How long the message writer may take before the deterministic message is used. Default 20 s. */
  messageTimeoutMs?: number;
  /** How long one push (or the remote look-up before it) may take. Default 60 s. */
  pushTimeoutMs?: number;
  logger?: Logger;
  /** Times the message writer's timeout (the engine's clock, so a fake one drives it in tests). */
  clock?: Clock;
  /** `workspace.on_conflict`: every workspace made (the session's and its branches') carries it to the fan-in. Default `fail`. */
  onConflict?: ConflictPolicy;
}

/** The options with their defaults, the repos as a non-empty list in config order. */
export interface ResolvedRunWorkspacesOptions {
  repos: readonly ResolvedRepo[];
  worktreesRoot: string;
  writeMessage: CommitMessageWriter | undefined;
  messageTimeoutMs: number;
  pushTimeoutMs: number;
  logger: Logger;
  clock: Clock;
  onConflict: ConflictPolicy;
}

export function resolveRunWorkspacesOptions(o: RunWorkspacesOptions): ResolvedRunWorkspacesOptions {
  const repos = Array.isArray(o.repos) ? [...(o.repos as readonly ResolvedRepo[])] : Object.values(o.repos);
  if (repos.length === 0) {
    throw new OrchestraError(ErrorCode.USAGE, 'Expected at least one workspace repo, got none.', {
      hint: 'Add a repo under workspace.repos in orchestra.yaml, or run the pipeline without a workspace.',
    });
  }
  return {
    repos,
    worktreesRoot: o.worktreesRoot,
    writeMessage: o.writeMessage,
    messageTimeoutMs: o.messageTimeoutMs ?? 20_000,
    pushTimeoutMs: o.pushTimeoutMs ?? 60_000,
    logger: o.logger ?? silentLogger,
    clock: o.clock ?? systemClock,
    onConflict: o.onConflict ?? 'fail',
  };
}

/** One repo of a workspace: the worktree a walk works in and the branch checked out there. */
export interface RepoCheckout {
  repo: ResolvedRepo;
  worktree: string;
  branch: string;
  /** A parallel branch's: the branch it was made from (and merges back into). */
  parentBranch?: string;
  /** A parallel branch's folder under `{worktreesRoot}/{runId}/branches/`: its suffixes from the session down, joined by `--`. */
  branchFolder?: string;
}
