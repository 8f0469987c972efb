import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSetupScript } from './setup-script.js';
import { cleanupTemp, makeTempDir } from './testing/temp-repo.js';

afterEach(cleanupTemp);

async function project(script?: string, mode = 0o755) {
  const root = await makeTempDir('orchestra-project-');
  const worktree = await makeTempDir('orchestra-wt-');
  if (script !== undefined) {
    await mkdir(join(root, '.orchestra'), { recursive: true });
    await writeFile(join(root, '.orchestra', 'setup'), script);
    await chmod(join(root, '.orchestra', 'setup'), mode);
  }
  return { root, worktree };
}

const ENV = {
  ORCHESTRA_TASK_ID: '7',
  ORCHESTRA_TASK_SLUG: 'add-docs',
  ORCHESTRA_BASE_BRANCH: 'main',
  ORCHESTRA_PORT: '41234',
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, deadlineMs = 15_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('runSetupScript', () => {
  it('does nothing when the project has no setup script', async () => {
    const { root, worktree } = await project();
    expect(await runSetupScript({ root, worktree, env: ENV, onOutput: () => undefined })).toEqual({ ran: false });
  });

  it('runs in the worktree with the task variables and streams its output', async () => {
    const script = '#!/bin/sh\necho "setting up $ORCHESTRA_TASK_SLUG"\necho "warn" >&2\nenv | grep ^ORCHESTRA_ | sort > env.txt\npwd > pwd.txt\n';
    const { root, worktree } = await project(script);
    const env = { ...ENV, ORCHESTRA_WORKTREE: worktree, ORCHESTRA_PROJECT_ROOT: root };
    let output = '';
    // The base environment without the test runner's ORCHESTRA_* settings: only the task's variables are listed.
    const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    expect(await runSetupScript({ root, worktree, env, baseEnv, onOutput: (chunk) => (output += chunk) })).toEqual({ ran: true, exitCode: 0 });
    expect(output).toContain('setting up add-docs\n');
    expect(output).toContain('warn\n');
    expect((await readFile(join(worktree, 'env.txt'), 'utf8')).trim().split('\n')).toEqual([
      'ORCHESTRA_BASE_BRANCH=main',
      'ORCHESTRA_PORT=41234',
      `ORCHESTRA_PROJECT_ROOT=${root}`,
      'ORCHESTRA_TASK_ID=7',
      'ORCHESTRA_TASK_SLUG=add-docs',
      `ORCHESTRA_WORKTREE=${worktree}`,
    ]);
    expect((await readFile(join(worktree, 'pwd.txt'), 'utf8')).trim()).toBe(worktree);
  });

  it('fails with the exit code and the last lines of output', async () => {
    const script = '#!/bin/sh\ni=1\nwhile [ $i -le 30 ]; do echo "line $i"; i=$((i+1)); done\necho "npm ERR! missing" >&2\nexit 3\n';
    const { root, worktree } = await project(script);
    const error = await runSetupScript({ root, worktree, env: ENV, onOutput: () => undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_SETUP_FAILED', message: 'setup script .orchestra/setup exited with code 3.' });
    const detail = (error as { detail: string }).detail.split('\n');
    expect(detail).toHaveLength(20);
    expect(detail.at(-1)).toBe('npm ERR! missing');
    expect(detail).toContain('line 30');
    expect(detail).not.toContain('line 5');
  });

  it('refuses a script that is not executable', async () => {
    const { root, worktree } = await project('#!/bin/sh\necho hi\n', 0o644);
    await expect(runSetupScript({ root, worktree, env: ENV, onOutput: () => undefined })).rejects.toMatchObject({
      code: 'E_SETUP_FAILED',
      message: 'setup script .orchestra/setup is not executable.',
      hint: `Run \`chmod +x ${join(root, '.orchestra', 'setup')}\`.`,
    });
  });

  it('refuses a setup path that is a directory', async () => {
    const { root, worktree } = await project();
    await mkdir(join(root, '.orchestra', 'setup'), { recursive: true });
    await expect(runSetupScript({ root, worktree, env: ENV, onOutput: () => undefined })).rejects.toMatchObject({
      code: 'E_SETUP_FAILED',
      message: 'setup script .orchestra/setup is not a file.',
    });
  });

  it('stops a script that runs past the timeout, with everything it started', async () => {
    // The child ignores SIGTERM, so only the group-wide SIGKILL after the grace period ends it.
    const script = '#!/bin/sh\nsh -c \'trap "" TERM; echo $$ > child.pid; while :; do sleep 1; done\' &\necho started\nwait\n';
    const { root, worktree } = await project(script);
    const error = await runSetupScript({ root, worktree, env: ENV, onOutput: () => undefined, timeoutMs: 1_500, killGraceMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_SETUP_FAILED', message: 'setup script .orchestra/setup did not finish within 1.5s and was stopped.', detail: 'started' });
    const pid = Number(await readFile(join(worktree, 'child.pid'), 'utf8'));
    await waitFor(() => !isAlive(pid), `process ${pid} to be killed`);
  });

  it('returns once the script exits even if a background process keeps its output open', async () => {
    const script = '#!/bin/sh\nsleep 30 &\necho $! > bg.pid\necho done\n';
    const { root, worktree } = await project(script);
    let output = '';
    const started = Date.now();
    expect(await runSetupScript({ root, worktree, env: ENV, onOutput: (c) => (output += c) })).toEqual({ ran: true, exitCode: 0 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(output).toBe('done\n');
    process.kill(Number(await readFile(join(worktree, 'bg.pid'), 'utf8')), 'SIGKILL');
  });
});
