import { existsSync } from 'node:fs';
import { tryGit } from '../../workspace/run-git.js';

/*
 * Each agent turn's diff (issue 15's node panel, workspaces on: docs/workspaces.md): `git diff`
 * from the heads before the turn to the commits it made, in the run's session worktree while it
 * is still there (`orchestra cleanup` removes it; the commits stay on the session branch).
 */

interface TurnWithCommits {
  commits?: Record<string, string>;
  previousCommits?: Record<string, string>;
  worktrees?: Record<string, string>;
}

const sha = /^[0-9a-f]{7,64}$/;
const diffLimit = 100_000;
const maxTurns = 50;

/** The turns with `diffs` (repo → patch) where both commits and the worktree are known; `worktrees` dropped. */
export async function withDiffs<T extends TurnWithCommits>(turns: readonly T[]): Promise<Array<Omit<T, 'worktrees'> & { diffs?: Record<string, string> }>> {
  return Promise.all(
    turns.map(async ({ worktrees, ...turn }, index) => {
      if (worktrees === undefined || turn.commits === undefined || turn.previousCommits === undefined || index >= maxTurns) return turn;
      const diffs: Record<string, string> = {};
      for (const [repo, after] of Object.entries(turn.commits)) {
        const before = turn.previousCommits[repo];
        const dir = worktrees[repo];
        if (before === undefined || dir === undefined || !sha.test(before) || !sha.test(after) || before === after || !existsSync(dir)) continue;
        const result = await tryGit(dir, ['diff', '--no-color', '--no-ext-diff', before, after]);
        if (result.exitCode === 0) diffs[repo] = result.stdout.length > diffLimit ? `${result.stdout.slice(0, diffLimit)}\n… (cut)` : result.stdout;
      }
      return Object.keys(diffs).length === 0 ? turn : { ...turn, diffs };
    }),
  );
}
