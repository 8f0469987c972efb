import { relative, sep } from 'node:path';
import { realpath } from 'node:fs/promises';
import { confinePath } from '../agents/agent-loop/tools/confine-path.js';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { oneLine } from './commit-message.js';
import { identityArgs } from './git-identity.js';
import { runGit } from './run-git.js';
import { isOrchestraPath, parseStatusZ } from './status-porcelain.js';

/** Who made a turn commit; written as git trailers so `git log` can be traced back to the run. */
export interface TurnTrailers {
  runId: string;
  node: string;
  /** Absent for what a node left when it ended (no agent turn): the commit then has no Orchestra-Turn trailer. */
  turn?: number;
}

export interface CommitTurnOptions {
  /** The run's worktree (its top level). */
  worktree: string;
  /** The files the turn wrote or deleted: relative to the worktree, or absolute inside it. */
  files: readonly string[];
  /** The message, or a function writing it from the staged files and their diff (called only when there is something to commit). */
  message: string | TurnMessageWriter;
  trailers: TurnTrailers;
}

/** Writes a turn commit's message once the files are staged; must give non-empty text. */
export type TurnMessageWriter = (staged: { files: string[]; diff: string }) => Promise<string>;

export type TurnCommit = { sha: string; files: string[] } | { sha: undefined; reason: 'nothing to commit' };

// File names are data: `*` or `:(glob)` in one must name that file, never a pattern.
const LITERAL = '--literal-pathspecs';

/**
 * Commits exactly the files an agent turn wrote (additions, changes and deletions) with `message` and
 * Orchestra-Run / Orchestra-Node / Orchestra-Turn trailers. Every other change in the worktree, staged or not,
 * stays uncommitted. A path outside the worktree (directly, through `..` or through a symbolic link) or inside
 * `.git` is refused with E_USAGE before anything is staged. Given files that did not change, and ignored
 * untracked ones, are left out; when none is left the result says there was nothing to commit.
 * @example await commitTurn({ worktree, files: ['src/a.ts'], message, trailers: { runId: 'r1', node: 'implement', turn: 3 } })
 */
export async function commitTurn(o: CommitTurnOptions): Promise<TurnCommit> {
  if (typeof o.message === 'string') requireMessage(o.message);
  const root = await realpath(o.worktree);
  const paths = await confinedPaths(root, o.files);
  if (paths.length === 0) return { sha: undefined, reason: 'nothing to commit' };
  const status = await runGit(root, [LITERAL, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
  const changed = [...new Set(parseStatusZ(status).map((entry) => entry.path))];
  if (changed.length === 0) return { sha: undefined, reason: 'nothing to commit' };
  await runGit(root, [LITERAL, 'add', '--all', '--', ...changed]);
  const message = typeof o.message === 'string' ? o.message : await o.message({ files: changed, diff: await runGit(root, [LITERAL, 'diff', '--cached', '--no-renames', '--', ...changed]) });
  requireMessage(message);
  // --only: the commit takes these paths and nothing else, even when other changes were staged before.
  // --no-verify: the commit records what the agent did in this turn; a pre-commit or commit-msg hook (a linter,
  // a formatter staging other files, a message policy) must neither lose that record nor add to it. The
  // project's checks belong to the pipeline's own test nodes.
  const turn = o.trailers.turn === undefined ? [] : [`Orchestra-Turn: ${o.trailers.turn}`];
  const trailers = [`Orchestra-Run: ${oneLine(o.trailers.runId)}`, `Orchestra-Node: ${oneLine(o.trailers.node)}`, ...turn];
  const commit = [LITERAL, 'commit', '--no-verify', '--quiet', '--only', '-m', message, ...trailers.flatMap((t) => ['--trailer', t]), '--', ...changed];
  await runGit(root, [...(await identityArgs(root)), ...commit]);
  return { sha: (await runGit(root, ['rev-parse', 'HEAD'])).trim(), files: changed };
}

/**
 * The files changed in the worktree since `sinceSha` (default: the last commit), for CLI agents whose writes
 * Orchestra does not see: modified, added, deleted and untracked files (not ignored ones), relative to the
 * worktree, sorted. Changes the agent committed itself count too when `sinceSha` is the turn's starting commit.
 * `.orchestra/` is left out: it holds Orchestra's own files.
 */
export async function changedFiles(worktree: string, sinceSha?: string): Promise<string[]> {
  const root = await realpath(worktree);
  const base = (await runGit(root, ['rev-parse', '--verify', '--end-of-options', `${sinceSha ?? 'HEAD'}^{commit}`])).trim();
  const tracked = await runGit(root, ['diff', '--name-only', '--no-renames', '-z', base, '--']);
  const untracked = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  const files = new Set(`${tracked}${untracked}`.split('\0').filter((path) => path !== '' && !isOrchestraPath(path)));
  return [...files].sort();
}

function requireMessage(message: string): void {
  if (message.trim() !== '') return;
  throw new OrchestraError(ErrorCode.USAGE, 'Expected the turn commit message to be non-empty text, got "".', {
    hint: 'Pass deterministicCommitMessage(…) when no model wrote a message.',
  });
}

/** The files as git paths relative to the worktree, each checked to really be inside it. */
async function confinedPaths(root: string, files: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    const real = await confinePath(root, file).catch((error: unknown) => {
      throw outside(file, root, error);
    });
    const path = relative(root, real).split(sep).join('/');
    if (path === '' || path === '.git' || path.startsWith('.git/')) throw outside(file, root);
    paths.push(path);
  }
  return [...new Set(paths)];
}

function outside(file: string, root: string, cause?: unknown): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `Cannot commit ${JSON.stringify(file)}: it is not a file inside the worktree ${root}. Nothing was committed.`, {
    hint: 'Pass paths of files inside the worktree (relative to it), without ".." steps or symbolic links that leave it.',
    cause,
  });
}
