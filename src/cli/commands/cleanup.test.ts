import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspacesDir } from '../../services/workspace/index.js';
import { createSessionWorktree } from '../../workspace/session-worktree.js';
import { cleanupTemp, createTempRepo, makeTempDir } from '../../workspace/testing/temp-repo.js';
import { describeItem } from '../cleanup/format-cleanup.js';
import { runCli } from '../testing/run-cli.js';
import { newRun, openHomeStore } from '../testing/seed-runs.js';

afterEach(cleanupTemp);

/** A project whose orchestra.yaml names itself as workspace repo `app`, with a merged run and an unmerged one. */
async function project() {
  const repo = await createTempRepo();
  await writeFile(join(repo.root, 'orchestra.yaml'), 'workspace:\n  repos:\n    app:\n      path: .\n');
  const home = await makeTempDir('orchestra-home-');
  const store = await openHomeStore(home);
  const sessions: Record<string, { branch: string; worktree: string }> = {};
  try {
    for (const id of ['merged1', 'lonely1']) {
      await store.createRun(newRun(id, { pipeline: 'demo', startedAt: Date.now() - 60_000 }));
      await store.updateRun(id, { state: 'completed', finishedAt: Date.now() - 30_000 });
      const repoConfig = { name: 'app', path: repo.root, branchPrefix: 'orchestra/' };
      sessions[id] = await createSessionWorktree({ repo: repoConfig, pipeline: 'demo', runId: id, worktreesRoot: workspacesDir(home) });
      await repo.commit({ [`${id}.txt`]: `${id}\n` }, `work of ${id}`, sessions[id].worktree);
    }
    await repo.git(['merge', '--quiet', '--no-edit', sessions.merged1!.branch]);
  } finally {
    await store.close();
  }
  const cli = (...argv: string[]) => runCli(argv, { cwd: repo.root, home });
  return { repo, home, sessions, cli };
}

describe('issue 14: orchestra cleanup', () => {
  it('issue 14: removes merged work, keeps unmerged unpushed work and says why; --dry-run first changes nothing', async () => {
    const { repo, sessions, cli } = await project();
    const before = await repo.snapshot();
    const dry = await cli('cleanup', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would remove:\n  run merged1 (demo) in app: orchestra/demo/merged1, 1 worktree\n    merged into main\n');
    expect(dry.stdout).toContain('Kept:\n  run lonely1 (demo) in app: orchestra/demo/lonely1, 1 worktree\n    unpushed and unmerged: 1 commit; use --force\n');
    expect(dry.stdout).toContain('Dry run: would remove 1, kept 1; nothing was changed.');
    expect(await repo.snapshot()).toBe(before);

    const real = await cli('cleanup', '--json');
    expect(real.code).toBe(0);
    const report = JSON.parse(real.stdout) as { removed: Array<{ runId: string }>; kept: Array<{ runId: string; reason: string }> };
    expect(report.removed.map((item) => item.runId)).toEqual(['merged1']);
    expect(report.kept).toEqual([expect.objectContaining({ runId: 'lonely1', reason: 'unpushed and unmerged: 1 commit; use --force' })]);
    expect(existsSync(sessions.merged1!.worktree)).toBe(false);
    expect(existsSync(sessions.lonely1!.worktree)).toBe(true);
  });

  it('issue 14: --older-than keeps runs that finished more recently; a bad duration is a usage error', async () => {
    const { cli } = await project();
    const recent = await cli('cleanup', '--older-than', '1d', '--dry-run');
    expect(recent.stdout).toMatch(/finished 3\ds ago, newer than --older-than 1d/);
    const bad = await cli('cleanup', '--older-than', 'a week');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('E_DURATION');
    expect(bad.stderr).toContain('--older-than');
  });
});

describe('issue 14: how cleanup names what it touched', () => {
  it.each([
    [{ kind: 'run', repo: 'api', runId: 'r1', pipeline: 'p', branches: ['orchestra/p/r1'], worktrees: [], reason: '' }, 'run r1 (p) in api: orchestra/p/r1'],
    [{ kind: 'run', repo: 'api', runId: 'r1', pipeline: 'p', branches: ['s', 's--a-0', 's--a-1'], worktrees: ['/w1', '/w2'], reason: '' }, 'run r1 (p) in api: s, +2 parallel branches, 2 worktrees'],
    [{ kind: 'run', repo: 'api', runId: 'r1', pipeline: 'p', branches: ['s', 'refs/orchestra/rescue/r1/1'], worktrees: ['/w1'], reason: '' }, 'run r1 (p) in api: s, +1 rescue ref, 1 worktree'],
    [{ kind: 'task', repo: '/src/app', task: '3-fix', branches: [], worktrees: ['/h/worktrees/app-1/3-fix'], reason: '' }, 'task 3-fix of /src/app: /h/worktrees/app-1/3-fix'],
  ] as const)('issue 14: %j', (item, text) => expect(describeItem({ ...item, branches: [...item.branches], worktrees: [...item.worktrees] })).toBe(text));
});
