import { ErrorCode, OrchestraError } from '../core/errors.js';
import { validateRefName } from './ref-name.js';
import { firstLines, tryGit } from './run-git.js';

/** orchestra.yaml's `workspace.repos.<name>.push`. */
export type PushPolicy = 'on_completion' | 'on_checkpoint' | 'never';
/** A moment in a run at which a push may be due. */
export type PushEvent = 'checkpoint' | 'completion';

export interface PushBranchOptions {
  /** A checkout (or worktree) of the repository. */
  repo: string;
  /** A remote name or URL (a path to a bare repository works too). */
  remote: string;
  branch: string;
  /**
   * Replace the remote branch, but only while it is at this commit (`--force-with-lease`): for a session branch
   * that a resume rewound, whose remote copy still holds the abandoned commits.
   */
  forceWithLease?: string;
  /** Default 60 s: a remote that never answers must not hold the run. */
  timeoutMs?: number;
}

export type PushResult = { pushed: true } | { pushed: false; error: OrchestraError };

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Pushes the local branch to the same name on the remote, without force. Never throws: a refused push, an
 * unreachable remote, a timeout or a bad name come back as `{ pushed: false, error }`, because a failed push
 * must not fail the run; the caller records it and retries later.
 * @example await pushBranch({ repo: worktree, remote: 'origin', branch: 'orchestra/build/r1' })
 */
export async function pushBranch(o: PushBranchOptions): Promise<PushResult> {
  try {
    validateRefName(o.branch, 'the branch to push');
    if (o.remote.trim() === '' || o.remote.startsWith('-')) {
      throw new OrchestraError(ErrorCode.USAGE, `Expected the remote to be a remote name or URL, got ${JSON.stringify(o.remote)}.`, {
        hint: 'Set workspace.repos.<name>.remote to a remote of the repository, such as origin.',
      });
    }
    const ref = `refs/heads/${o.branch}`;
    if (o.forceWithLease !== undefined && !/^[0-9a-f]{40,64}$/.test(o.forceWithLease)) {
      throw new OrchestraError(ErrorCode.USAGE, `Expected the lease to be a full commit SHA, got ${JSON.stringify(o.forceWithLease)}.`);
    }
    const lease = o.forceWithLease === undefined ? [] : [`--force-with-lease=${ref}:${o.forceWithLease}`];
    const args = ['push', '--quiet', ...lease, o.remote, `${ref}:${ref}`];
    const result = await tryGit(o.repo, args, { timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    if (result.exitCode === 0) return { pushed: true };
    const output = firstLines(result.stderr.trim() || result.stdout.trim(), 6) || `exit code ${result.exitCode}`;
    return {
      pushed: false,
      error: new OrchestraError(ErrorCode.GIT, `Pushing ${o.branch} to ${o.remote} from ${o.repo} failed: ${output}`, {
        hint: 'Check the remote (its address, your access, a hook that refuses the branch); the push is retried later.',
      }),
    };
  } catch (error) {
    return { pushed: false, error: asOrchestraError(error) };
  }
}

/** Whether the push policy asks for a push at this event. A completion pushes under on_checkpoint too: the last state must reach the remote. */
export function pushPolicyDue(policy: PushPolicy, event: PushEvent): boolean {
  if (policy === 'never') return false;
  if (policy === 'on_checkpoint') return true;
  return event === 'completion';
}

function asOrchestraError(error: unknown): OrchestraError {
  if (error instanceof OrchestraError) return error;
  return new OrchestraError(ErrorCode.GIT, `Pushing failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
