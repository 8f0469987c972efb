import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable, resolveLaunch } from './agent-launch.js';
import { createCleanup } from './session-test-support.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

async function fixture() {
  const dir = await cleanup.tempDir();
  await mkdir(join(dir, 'bin'));
  await writeFile(join(dir, 'bin', 'agent'), '#!/bin/sh\n');
  await chmod(join(dir, 'bin', 'agent'), 0o755);
  await writeFile(join(dir, 'bin', 'notes'), 'not executable');
  return dir;
}

describe('resolveLaunch', () => {
  it('fills the default size and finds the command on the PATH of the launch env', async () => {
    const dir = await fixture();
    const resolved = resolveLaunch({ command: 'agent', args: ['-x'], cwd: dir, env: { PATH: join(dir, 'bin') } });
    expect(resolved).toMatchObject({ command: join(dir, 'bin', 'agent'), args: ['-x'], cols: 120, rows: 40, logFile: undefined });
  });

  it('takes a relative path relative to cwd', async () => {
    const dir = await fixture();
    expect(resolveLaunch({ command: './bin/agent', args: [], cwd: dir, env: {} }).command).toBe(join(dir, 'bin', 'agent'));
  });

  it.each([
    ['a missing cwd', (dir: string) => ({ cwd: join(dir, 'gone') }), 'E_USAGE', /working directory .*gone does not exist/],
    ['an unknown command', () => ({ command: 'no-such-agent' }), 'E_CONFIG', /`no-such-agent` was not found on the PATH/],
    ['a file that is not executable', () => ({ command: './bin/notes' }), 'E_CONFIG', /`\.\/bin\/notes` was not found or is not executable/],
    ['zero cols', () => ({ cols: 0 }), 'E_USAGE', /terminal `cols` to be an integer from 1 to 10000, got `0`/],
    ['fractional rows', () => ({ rows: 2.5 }), 'E_USAGE', /terminal `rows` .* got `2.5`/],
  ])('rejects %s with a clear error', async (_name, change, code, message) => {
    const dir = await fixture();
    const launch = { command: 'agent', args: [], cwd: dir, env: { PATH: join(dir, 'bin') }, ...change(dir) };
    expect(() => resolveLaunch(launch)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});

describe('findExecutable', () => {
  it('skips empty PATH entries and directories that lack the command', async () => {
    const dir = await fixture();
    expect(findExecutable('agent', `:${dir}:${join(dir, 'bin')}`, dir)).toBe(join(dir, 'bin', 'agent'));
    expect(findExecutable('bin', dir, dir)).toBeUndefined();
  });
});
