import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDiffs } from './turn-diffs.js';

const dir = mkdtempSync(join(tmpdir(), 'orchestra-turn-diffs-'));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@orchestra.invalid', '-c', 'user.name=T', ...args], { cwd: dir, encoding: 'utf8' }).trim();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("issue 15: an agent turn's diff from the run's session worktree", () => {
  it('diffs the heads before the turn to its commits, and leaves a turn without a worktree or commits as it is', async () => {
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const before = git('rev-parse', 'HEAD');
    writeFileSync(join(dir, 'a.txt'), 'two\n');
    git('commit', '-q', '-am', 'turn 1');
    const after = git('rev-parse', 'HEAD');
    const [diffed, gone, plain] = await withDiffs([
      { turn: 1, commits: { app: after }, previousCommits: { app: before }, worktrees: { app: dir } },
      { turn: 2, commits: { app: after }, previousCommits: { app: before }, worktrees: { app: join(dir, 'removed') } },
      { turn: 3 },
    ]);
    expect(diffed?.diffs?.app).toContain('-one\n+two');
    expect(diffed).not.toHaveProperty('worktrees');
    expect(gone).toEqual({ turn: 2, commits: { app: after }, previousCommits: { app: before } });
    expect(plain).toEqual({ turn: 3 });
  });
});
