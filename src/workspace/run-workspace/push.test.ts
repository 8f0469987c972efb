import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedRepo } from '../../config/config-types.js';
import { runGit, tryGit } from '../run-git.js';
import { cleanupTemp, makeTempDir } from '../testing/temp-repo.js';
import { bareRemote, workspaceFixture, type WorkspaceFixture } from '../testing/workspace-repos.js';
import { createRunWorkspaces } from './create-run-workspaces.js';

let fx: WorkspaceFixture;
let remote: string;
beforeAll(async () => {
  fx = await workspaceFixture(['api']);
  remote = await bareRemote();
});
afterAll(cleanupTemp);

const remoteHead = async (dir: string, branch: string) => {
  const result = await tryGit(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
};
const repoWith = (extra: Partial<ResolvedRepo>): ResolvedRepo[] => [{ ...fx.config[0]!, ...extra }];

describe('issue 14: pushing session branches per policy', () => {
  it.each([
    ['on_checkpoint', true, true],
    ['on_completion', false, true],
    ['never', false, false],
  ] as const)('issue 14: push %s: at a checkpoint %s, at completion %s', async (push, atCheckpoint, atCompletion) => {
    const runId = `p-${push.replace('_', '-')}`;
    const ws = await createRunWorkspaces({ repos: repoWith({ push, remote }), worktreesRoot: fx.worktreesRoot }).create({ runId, pipeline: 'build' });
    await writeFile(join(ws.primary, 'a.txt'), 'a\n');
    const { api } = await ws.commit({ runId, node: 'a' });
    const reports = await ws.push('checkpoint');
    expect(reports).toEqual(atCheckpoint ? [{ repo: 'api', branch: `orchestra/build/${runId}`, pushed: true }] : []);
    expect(await remoteHead(remote, `orchestra/build/${runId}`)).toBe(atCheckpoint ? api : undefined);
    await ws.push('completion');
    expect(await remoteHead(remote, `orchestra/build/${runId}`)).toBe(atCompletion ? api : undefined);
  });

  it('issue 14: an unreachable remote is reported, never thrown, and retried at the next push once it exists', async () => {
    const later = join(await makeTempDir('orchestra-remote-'), 'later.git');
    const ws = await createRunWorkspaces({ repos: repoWith({ push: 'on_completion', remote: later }), worktreesRoot: fx.worktreesRoot }).create({ runId: 'p2', pipeline: 'build' });
    const [failed] = await ws.push('completion');
    expect(failed).toMatchObject({ repo: 'api', branch: 'orchestra/build/p2', pushed: false });
    expect(failed!.error).toMatch(/^Workspace repo api: Pushing orchestra\/build\/p2 to .*later\.git/);
    await runGit(fx.worktreesRoot, ['init', '--quiet', '--bare', later]);
    // A checkpoint is not due under on_completion, but the failed push is retried at it.
    expect(await ws.push('checkpoint')).toEqual([{ repo: 'api', branch: 'orchestra/build/p2', pushed: true }]);
    expect(await remoteHead(later, 'orchestra/build/p2')).toBe((await ws.heads()).api);
    expect(await ws.push('checkpoint')).toEqual([]);
  });

  it('issue 14: a remote that rejects the push is reported with the repo and the hook output', async () => {
    const strict = await bareRemote();
    const hook = join(strict, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "pushes are closed" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const ws = await createRunWorkspaces({ repos: repoWith({ push: 'on_checkpoint', remote: strict }), worktreesRoot: fx.worktreesRoot }).create({ runId: 'p3', pipeline: 'build' });
    const [report] = await ws.push('checkpoint');
    expect(report).toMatchObject({ repo: 'api', pushed: false });
    expect(report!.error).toContain('Workspace repo api:');
    expect(report!.error).toContain('pushes are closed');
    await rm(hook);
    expect((await ws.push('checkpoint'))[0]!.pushed).toBe(true);
  });

  it('issue 14: after a resume rewound the branch, the push replaces the abandoned commits on the remote', async () => {
    const workspaces = createRunWorkspaces({ repos: repoWith({ push: 'on_checkpoint', remote }), worktreesRoot: fx.worktreesRoot });
    const ws = await workspaces.create({ runId: 'p4', pipeline: 'build' });
    await writeFile(join(ws.primary, 'a.txt'), 'checkpoint\n');
    const checkpoint = await ws.commit({ runId: 'p4', node: 'a' });
    await writeFile(join(ws.primary, 'b.txt'), 'abandoned\n');
    const abandoned = await ws.commit({ runId: 'p4', node: 'b' });
    await ws.push('checkpoint');
    expect(await remoteHead(remote, 'orchestra/build/p4')).toBe(abandoned.api);

    // A new process resumes: nothing remembered, the lease comes from git's state.
    const { workspace, rescued } = await createRunWorkspaces({ repos: repoWith({ push: 'on_checkpoint', remote }), worktreesRoot: fx.worktreesRoot }).reopen({ runId: 'p4', pipeline: 'build', at: checkpoint });
    expect(rescued).toHaveLength(1);
    await writeFile(join(workspace.primary, 'c.txt'), 'resumed\n');
    const resumed = await workspace.commit({ runId: 'p4', node: 'b' });
    expect(await workspace.push('checkpoint')).toEqual([{ repo: 'api', branch: 'orchestra/build/p4', pushed: true }]);
    expect(await remoteHead(remote, 'orchestra/build/p4')).toBe(resumed.api);
  });

  it('issue 14: a branch someone else pushed to is not overwritten', async () => {
    const ws = await createRunWorkspaces({ repos: repoWith({ push: 'on_checkpoint', remote }), worktreesRoot: fx.worktreesRoot }).create({ runId: 'p5', pipeline: 'build' });
    await ws.push('checkpoint');
    const other = await makeTempDir();
    await runGit(other, ['clone', '--quiet', '--branch', 'orchestra/build/p5', remote, 'clone']);
    const clone = join(other, 'clone');
    await writeFile(join(clone, 'theirs.txt'), 'theirs\n');
    await runGit(clone, ['add', 'theirs.txt']);
    await runGit(clone, ['-c', 'user.name=Other', '-c', 'user.email=o@example.com', 'commit', '--quiet', '-m', 'theirs']);
    await runGit(clone, ['push', '--quiet', 'origin', 'HEAD']);
    const theirs = (await runGit(clone, ['rev-parse', 'HEAD'])).trim();
    await writeFile(join(ws.primary, 'ours.txt'), 'ours\n');
    await ws.commit({ runId: 'p5', node: 'a' });
    const [report] = await ws.push('checkpoint');
    expect(report!.pushed).toBe(false);
    expect(await remoteHead(remote, 'orchestra/build/p5')).toBe(theirs);
  });
});
