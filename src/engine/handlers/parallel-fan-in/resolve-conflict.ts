import type { AgentRequest } from '../../../agents/backend.js';
import { ErrorCode, isOrchestraError } from '../../../core/errors.js';
import type { MergeResult } from '../../../workspace/run-workspace/types.js';
import type { HandlerInput } from '../../handler.js';
import { agentRequestFor } from '../agent-request.js';
import { writeStageFile } from '../stage-file.js';

export type MergeConflict = Extract<MergeResult, { kind: 'conflict' }>;

/** A conflict and which parallel branch's work it came from (its id, as in `parallel.results`). */
export interface NamedConflict {
  conflict: MergeConflict;
  branchId: string | undefined;
}

/** `branch "b" (git branch orchestra/p/r--fan-1)`, or the git branch alone when no result names it. */
export function conflictSubject({ conflict, branchId }: NamedConflict): string {
  return branchId === undefined ? `git branch ${conflict.branch}` : `branch "${branchId}" (git branch ${conflict.branch})`;
}

/**
 * Why a fan-in fails on a conflict: the repo, the branch and the files, and what to do. `problem`
 * set: the agent was asked and did not resolve it (with why).
 */
export function conflictReason(named: NamedConflict, problem?: string): string {
  const { conflict } = named;
  const what = problem === undefined ? 'conflicts' : `still conflicts (${problem})`;
  const todo = problem === undefined ? 'Make the branches change different lines, or set workspace.on_conflict: agent in orchestra.yaml to have an agent resolve conflicts.' : 'Merge that branch by hand, or make the branches change different lines.';
  return `Merging ${conflictSubject(named)} into the run's workspace ${what} in repo "${conflict.repo}": ${conflict.files.join(', ')}. The merge was aborted; the branch's commits stay on ${conflict.branch}. ${todo}`;
}

/**
 * What the agent is asked. File names come from git and are given as data in a list, never
 * expanded as a template.
 */
export function conflictPrompt(named: NamedConflict): string {
  const { conflict } = named;
  return [
    'Resolve a git merge conflict.',
    '',
    `In the git worktree ${conflict.worktree} (repo "${conflict.repo}"), merging ${conflictSubject(named)} into the run's session branch stopped with conflicts in these files:`,
    ...conflict.files.map((file) => `- ${file}`),
    '',
    'Edit each of these files so that it keeps the intent of both sides, and remove every conflict marker (<<<<<<<, =======, >>>>>>>).',
    'Do not commit and do not abort the merge: Orchestra commits it once no file has conflicts left.',
    '',
  ].join('\n');
}

/**
 * Hands one conflict to the fan-in node's backend (issue 14, `workspace.on_conflict: agent`) working
 * in the conflicted worktree, then concludes the merge, which goes on with the remaining branches.
 * Returns the merge's next result, or why the fan-in fails: the backend failed, or the same
 * conflict is still there. On failure the merge in progress is aborted, so the worktree is clean.
 * `n` numbers this conflict's prompt and response files in the stage directory.
 */
export async function resolveWithAgent(input: HandlerInput, named: NamedConflict, n: number): Promise<MergeResult | string> {
  const { conflict } = named;
  const { services, stageDir } = input;
  const prompt = conflictPrompt(named);
  await writeStageFile(services, stageDir, `merge-conflict-${n}.prompt.md`, prompt);
  try {
    const request: AgentRequest = { ...agentRequestFor(input, prompt), workDir: conflict.worktree };
    // conclude() commits the merge as a whole; a commit per agent turn would be a partial commit
    // during a merge, which git refuses.
    delete (request as { commitTurn?: unknown }).commitTurn;
    const result = await services.backend.run(request);
    const response = typeof result === 'string' ? result : (result.response ?? '');
    await writeStageFile(services, stageDir, `merge-conflict-${n}.response.md`, response);
    if (typeof result !== 'string' && result.outcome.status === 'fail') {
      return await abortWith(named, `the agent failed: ${result.outcome.failureReason ?? 'no reason given'}`);
    }
  } catch (error) {
    if (input.signal.aborted) {
      await conflict.abort();
      throw error;
    }
    return abortWith(named, `the agent failed: ${messageOf(error)}`);
  }
  let next: MergeResult;
  try {
    next = await conflict.conclude();
  } catch (error) {
    // The workspace refuses to conclude while conflicts are left (E_MERGE_CONFLICT); other errors are told as they are.
    return abortWith(named, isOrchestraError(error) && error.code === ErrorCode.MERGE_CONFLICT ? 'the agent left conflicts' : messageOf(error));
  }
  if (next.kind === 'conflict' && next.repo === conflict.repo && next.branch === conflict.branch) {
    return abortWith({ ...named, conflict: next }, 'the agent left conflicts');
  }
  return next;
}

/** Aborts the merge in progress (the worktree back at its HEAD before it) and says why the fan-in fails. */
export async function abortWith(named: NamedConflict, problem?: string): Promise<string> {
  const reason = conflictReason(named, problem);
  try {
    await named.conflict.abort();
    return reason;
  } catch (error) {
    return `${reason} Aborting the merge failed too (${messageOf(error)}): see git status in ${named.conflict.worktree}.`;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
