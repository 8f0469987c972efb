import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pushBranch, pushPolicyDue, type PushEvent, type PushPolicy } from './push-branch.js';
import { runGit } from './run-git.js';
import { cleanupTemp, createTempRepo, makeTempDir } from './testing/temp-repo.js';
import { bareRemote } from './testing/workspace-repos.js';

afterEach(cleanupTemp);

describe('issue 14: pushBranch', () => {
  it('pushes the branch to a bare remote', async () => {
    const repo = await createTempRepo();
    const remote = await bareRemote();
    await repo.git(['switch', '--quiet', '-c', 'orchestra/build/r1']);
    const sha = await repo.commit({ 'a.txt': 'a\n' }, 'work');
    expect(await pushBranch({ repo: repo.root, remote, branch: 'orchestra/build/r1' })).toEqual({ pushed: true });
    expect((await runGit(remote, ['rev-parse', 'refs/heads/orchestra/build/r1'])).trim()).toBe(sha);
  });

  it('replaces the remote branch with forceWithLease only while it is at the leased commit', async () => {
    const repo = await createTempRepo();
    const remote = await bareRemote();
    await repo.git(['switch', '--quiet', '-c', 'run']);
    const first = await repo.commit({ 'a.txt': 'a\n' }, 'first');
    const abandoned = await repo.commit({ 'b.txt': 'b\n' }, 'abandoned');
    expect((await pushBranch({ repo: repo.root, remote, branch: 'run' })).pushed).toBe(true);
    await repo.git(['reset', '--quiet', '--hard', first]);
    const resumed = await repo.commit({ 'c.txt': 'c\n' }, 'resumed');
    expect((await pushBranch({ repo: repo.root, remote, branch: 'run' })).pushed).toBe(false);
    expect((await pushBranch({ repo: repo.root, remote, branch: 'run', forceWithLease: first })).pushed).toBe(false);
    expect(await pushBranch({ repo: repo.root, remote, branch: 'run', forceWithLease: abandoned })).toEqual({ pushed: true });
    expect((await runGit(remote, ['rev-parse', 'refs/heads/run'])).trim()).toBe(resumed);
    const bad = await pushBranch({ repo: repo.root, remote, branch: 'run', forceWithLease: '--all' });
    expect(bad.pushed).toBe(false);
  });

  it('gives pushed:false with the error when the remote refuses, and does not throw', async () => {
    const repo = await createTempRepo();
    const remote = await bareRemote();
    const hook = join(remote, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "branch protected by policy" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const result = await pushBranch({ repo: repo.root, remote, branch: 'main' });
    expect(result.pushed).toBe(false);
    if (result.pushed) return;
    expect(result.error.code).toBe('E_GIT');
    expect(result.error.message).toContain('branch protected by policy');
    expect(result.error.message).toContain(`Pushing main to ${remote}`);
  });

  it('gives pushed:false when the remote does not exist', async () => {
    const repo = await createTempRepo();
    const remote = join(await makeTempDir(), 'no-such-remote.git');
    const result = await pushBranch({ repo: repo.root, remote, branch: 'main' });
    expect(result.pushed).toBe(false);
    if (!result.pushed) expect(result.error.message).toMatch(/does not appear to be a git repository|Could not read from remote/);
  });

  it('gives pushed:false for a branch that does not exist, a bad name or a remote that looks like an option', async () => {
    const repo = await createTempRepo();
    const remote = await bareRemote();
    for (const [branch, remoteName] of [['missing', remote], ['-x', remote], ['main', '--upload-pack=touch /tmp/x']] as const) {
      const result = await pushBranch({ repo: repo.root, remote: remoteName, branch });
      expect(result.pushed).toBe(false);
    }
  });

  it('gives pushed:false when the remote does not answer in time', async () => {
    const repo = await createTempRepo();
    // A remote helper that never answers stands in for a remote behind a dead network; it reads until git is
    // gone, so it exits with it.
    const helperDir = await makeTempDir();
    await writeFile(join(helperDir, 'git-remote-hang'), '#!/bin/sh\nexec cat >/dev/null\n', { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${helperDir}:${saved ?? ''}`;
    try {
      const result = await pushBranch({ repo: repo.root, remote: 'hang::somewhere', branch: 'main', timeoutMs: 500 });
      expect(result.pushed).toBe(false);
      if (!result.pushed) expect(result.error.message).toContain('did not finish within');
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('issue 14: pushPolicyDue', () => {
  it.each<[PushPolicy, PushEvent, boolean]>([
    ['on_completion', 'completion', true],
    ['on_completion', 'checkpoint', false],
    ['on_checkpoint', 'checkpoint', true],
    ['on_checkpoint', 'completion', true],
    ['never', 'checkpoint', false],
    ['never', 'completion', false],
  ])('%s at %s → %s', (policy, event, due) => {
    expect(pushPolicyDue(policy, event)).toBe(due);
  });
});
