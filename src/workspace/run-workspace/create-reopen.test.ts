import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../run-git.js';
import { cleanupTemp } from '../testing/temp-repo.js';
import { filesOf, filesOfCommit, userCheckout, workspaceFixture, type WorkspaceFixture } from '../testing/workspace-repos.js';
import { createRunWorkspaces } from './create-run-workspaces.js';
import type { RunWorkspace } from './types.js';

// One pair of repos for the file: each test starts its own run (its own session branches), so they stay apart.
let fx: WorkspaceFixture;
beforeAll(async () => {
  fx = await workspaceFixture(['api', 'web']);
  await fx.repos[0]!.commit({ 'src/app.ts': 'export const a = 1;\n', '.gitignore': '*.log\n' }, 'app');
});
afterAll(cleanupTemp);

const log = (dir: string, format: string) => runGit(dir, ['log', `--format=${format}`, '-1']);

describe('issue 14: run workspaces: create, commit, replay', () => {
  it('issue 14: two repos get a session branch and worktree each; a dirty user checkout is untouched', async () => {
    const [api, web] = fx.repos as [typeof fx.repos[0] & object, typeof fx.repos[0] & object];
    await api.write({ 'src/app.ts': 'user edit, not committed\n', 'notes.txt': 'untracked\n', 'staged.txt': 'staged\n' });
    await api.git(['add', 'staged.txt']);
    const before = await Promise.all([userCheckout(api), userCheckout(web)]);
    const ws = await createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot }).create({ runId: 'r1', pipeline: 'build' });
    expect(ws.paths).toEqual({ api: join(fx.worktreesRoot, 'r1', 'api'), web: join(fx.worktreesRoot, 'r1', 'web') });
    expect(ws.branches).toEqual({ api: 'orchestra/build/r1', web: 'orchestra/build/r1' });
    expect(ws.primary).toBe(ws.paths.api);
    expect(await readFile(join(ws.primary, 'src/app.ts'), 'utf8')).toBe('export const a = 1;\n');
    expect(existsSync(join(ws.primary, 'notes.txt'))).toBe(false);
    await writeFile(join(ws.primary, 'src/app.ts'), 'agent edit\n');
    await ws.commit({ runId: 'r1', node: 'implement', turn: 1 });
    expect(await Promise.all([userCheckout(api), userCheckout(web)])).toEqual(before);
    await api.git(['reset', '--quiet', '--hard']);
    await api.git(['clean', '-fdq']);
  });

  it('issue 14: a commit per repo holds exactly the turn files in the primary repo and everything changed elsewhere', async () => {
    const ws = await createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot }).create({ runId: 'r2', pipeline: 'build' });
    const start = await ws.heads();
    await writeFile(join(ws.paths.api!, 'a.txt'), 'a\n');
    await writeFile(join(ws.paths.api!, 'b.txt'), 'b, not this turn\n');
    await writeFile(join(ws.paths.web!, 'page.html'), '<p>hi</p>\n');
    const heads = await ws.commit({ runId: 'r2', node: 'implement', turn: 3, files: ['a.txt'] });
    expect(heads).toEqual(await ws.heads());
    expect(heads.api).not.toBe(start.api);
    expect(await filesOfCommit(ws.paths.api!, heads.api!)).toEqual(['a.txt']);
    expect(await filesOfCommit(ws.paths.web!, heads.web!)).toEqual(['page.html']);
    expect(await log(ws.paths.api!, '%B')).toContain('Orchestra-Run: r2\nOrchestra-Node: implement\nOrchestra-Turn: 3');
    expect(await log(ws.paths.api!, '%s')).toBe('implement: turn 3, 1 file (a.txt)\n');
    // b.txt is still uncommitted; a node's end (no turn) commits it, without a turn trailer.
    const end = await ws.commit({ runId: 'r2', node: 'implement' });
    expect(await filesOfCommit(ws.paths.api!, end.api!)).toEqual(['b.txt']);
    expect(await log(ws.paths.api!, '%B')).not.toContain('Orchestra-Turn');
    expect(end.web).toBe(heads.web);
    // Nothing changed: no commit.
    expect(await ws.commit({ runId: 'r2', node: 'test', turn: 1 })).toEqual(end);
  });

  it('issue 14: the message comes from writeMessage with the diff; a writer that throws or is silent falls back', async () => {
    const seen: { diff: string; files: readonly string[]; node: string; turn: number | undefined }[] = [];
    const make = (writeMessage: Parameters<typeof createRunWorkspaces>[0]['writeMessage']) =>
      createRunWorkspaces({ repos: fx.config.slice(0, 1), worktreesRoot: fx.worktreesRoot, ...(writeMessage && { writeMessage }), messageTimeoutMs: 200 });
    const ws = await make(async (input) => {
      seen.push(input);
      return 'Add the greeting\n\nThe model wrote this.';
    }).create({ runId: 'r3', pipeline: 'build' });
    await writeFile(join(ws.primary, 'hello.txt'), 'hello\n');
    await ws.commit({ runId: 'r3', node: 'greet', turn: 2, files: ['hello.txt'] });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ files: ['hello.txt'], node: 'greet', turn: 2 });
    expect(seen[0]!.diff).toContain('+hello');
    expect(await log(ws.primary, '%B')).toMatch(/^Add the greeting\n\nThe model wrote this.\n\nOrchestra-Run: r3/);

    for (const [runId, writer] of [
      ['r4', () => Promise.reject(new Error('model down'))],
      ['r5', () => new Promise<undefined>(() => undefined)],
    ] as const) {
      const fallback = await make(writer).create({ runId, pipeline: 'build' });
      await writeFile(join(fallback.primary, 'x.txt'), 'x\n');
      await fallback.commit({ runId, node: 'greet', turn: 1, files: ['x.txt'] });
      expect(await log(fallback.primary, '%s')).toBe('greet: turn 1, 1 file (x.txt)\n');
    }
  });

  it('issue 14: a replay at recorded heads starts new session branches with those files', async () => {
    const workspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot });
    const ws = await workspaces.create({ runId: 'r6', pipeline: 'build' });
    await writeFile(join(ws.paths.api!, 'v.txt'), 'checkpoint 1\n');
    await writeFile(join(ws.paths.web!, 'w.txt'), 'web 1\n');
    const checkpoint = await ws.commit({ runId: 'r6', node: 'a' });
    const files = await Promise.all([filesOf(ws.paths.api!), filesOf(ws.paths.web!)]);
    await writeFile(join(ws.paths.api!, 'v.txt'), 'checkpoint 2\n');
    await ws.commit({ runId: 'r6', node: 'b' });
    const replay = await workspaces.create({ runId: 'r7', pipeline: 'build', at: checkpoint });
    expect(await replay.heads()).toEqual(checkpoint);
    expect(replay.branches.api).toBe('orchestra/build/r7');
    expect(await Promise.all([filesOf(replay.paths.api!), filesOf(replay.paths.web!)])).toEqual(files);
  });

  it('issue 14: reopen puts the worktree back at the checkpoint and keeps stray commits, uncommitted and untracked files on a rescue ref', async () => {
    const workspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot });
    const ws = await workspaces.create({ runId: 'r8', pipeline: 'build' });
    await writeFile(join(ws.primary, 'kept.txt'), 'at the checkpoint\n');
    const checkpoint = await ws.commit({ runId: 'r8', node: 'a' });
    await writeFile(join(ws.primary, 'stray.txt'), 'committed after the checkpoint\n');
    await ws.commit({ runId: 'r8', node: 'b', turn: 1 });
    await writeFile(join(ws.primary, 'kept.txt'), 'edited, uncommitted\n');
    await writeFile(join(ws.primary, 'untracked.txt'), 'never added\n');
    await writeFile(join(ws.primary, 'build.log'), 'ignored: a cache, not work\n');

    const user = await userCheckout(fx.repos[0]!);
    const { workspace, rescued } = await workspaces.reopen({ runId: 'r8', pipeline: 'build', at: checkpoint });
    expect(await userCheckout(fx.repos[0]!)).toEqual(user);
    expect(await workspace.heads()).toEqual(checkpoint);
    // Ignored files stay (git clean without -x): they are not on the rescue ref, so removing them would lose them.
    expect(await filesOf(workspace.primary)).toEqual({
      'README.md': '# test\n',
      '.gitignore': '*.log\n',
      'src/app.ts': 'export const a = 1;\n',
      'kept.txt': 'at the checkpoint\n',
      'build.log': 'ignored: a cache, not work\n',
    });
    expect(rescued).toEqual([{ repo: 'api', ref: 'refs/orchestra/rescue/r8/1', sha: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
    const show = (path: string) => runGit(ws.primary, ['show', `${rescued[0]!.sha}:${path}`]);
    expect(await show('stray.txt')).toBe('committed after the checkpoint\n');
    expect(await show('kept.txt')).toBe('edited, uncommitted\n');
    expect(await show('untracked.txt')).toBe('never added\n');
    await expect(show('build.log')).rejects.toThrow();

    // A second resume with nothing new keeps nothing; new stray work goes to the next number.
    expect((await workspaces.reopen({ runId: 'r8', pipeline: 'build', at: checkpoint })).rescued).toEqual([]);
    await writeFile(join(ws.primary, 'again.txt'), 'again\n');
    expect((await workspaces.reopen({ runId: 'r8', pipeline: 'build', at: checkpoint })).rescued.map((r) => r.ref)).toEqual(['refs/orchestra/rescue/r8/2']);
  });

  it('issue 14: reopen makes a removed worktree again from its session branch; without the branch it says what to do', async () => {
    const workspaces = createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot });
    const ws: RunWorkspace = await workspaces.create({ runId: 'r9', pipeline: 'build' });
    await writeFile(join(ws.paths.web!, 'w.txt'), 'w\n');
    const heads = await ws.commit({ runId: 'r9', node: 'a' });
    await rm(ws.paths.web!, { recursive: true, force: true });
    const { workspace } = await workspaces.reopen({ runId: 'r9', pipeline: 'build' });
    expect(await workspace.heads()).toEqual(heads);
    expect(await readFile(join(workspace.paths.web!, 'w.txt'), 'utf8')).toBe('w\n');
    await expect(workspaces.reopen({ runId: 'never-ran', pipeline: 'build' })).rejects.toThrow(/api: the session branch orchestra\/build\/never-ran of run never-ran does not exist/);
  });
});
