import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { TaskProject } from '../support/task-project.js';
import { assertBuilt, binPath } from './helpers/spawn-cli.js';

const simpleDot = fileURLToPath(new URL('../../examples/simple.dot', import.meta.url));

/** Runs the built CLI under `umask 022`, the common default that makes new files world-readable. */
function binUnderUmask(argv: readonly string[], options: { cwd: string; home: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', 'umask 022 && exec "$@"', 'sh', process.execPath, binPath, ...argv], {
      cwd: options.cwd,
      env: { ...process.env, ORCHESTRA_HOME: options.home, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every path under `root` (itself included) that grants any group or other permission, as `mode path`. */
function looseEntries(root: string, skip: (path: string) => boolean = () => false): string[] {
  const loose: string[] = [];
  const visit = (path: string): void => {
    if (skip(path)) return;
    const info = lstatSync(path);
    if (!info.isSymbolicLink() && (info.mode & 0o077) !== 0) loose.push(`${(info.mode & 0o777).toString(8)} ${relative(root, path) || '.'}`);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return loose;
}

function countEntries(root: string): number {
  const info = lstatSync(root);
  return 1 + (info.isDirectory() ? readdirSync(root).reduce((sum, name) => sum + countEntries(join(root, name)), 0) : 0);
}

let ws: Workspace;
beforeAll(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-private-');
});
afterAll(() => ws.remove());

describe('issue 8.7: private files under umask 022', () => {
  it('issue 8.7: a simulated run leaves nothing in ORCHESTRA_HOME that group or others can read', async () => {
    const home = join(ws.dir, 'fresh-home');
    const result = await binUnderUmask(['run', simpleDot, '--simulate', '--auto-approve'], { cwd: ws.dir, home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The walk must have seen the database and a run directory with its stage files.
    expect(readdirSync(home).sort()).toEqual(expect.arrayContaining(['orchestra.db', 'runs']));
    expect(countEntries(join(home, 'runs'))).toBeGreaterThan(8);
    expect(looseEntries(home)).toEqual([]);
  });

  it('issue 8.7: a home left 0755 by an older version is tightened to 0700, and --logs gets private modes too', async () => {
    const home = join(ws.dir, 'old-home');
    mkdirSync(home, { mode: 0o755 });
    chmodSync(home, 0o755);
    const logs = join(ws.dir, 'elsewhere', 'run-logs');
    const result = await binUnderUmask(['run', simpleDot, '--simulate', '--auto-approve', '--logs', logs], { cwd: ws.dir, home });
    expect(result.code).toBe(0);
    expect((statSync(home).mode & 0o777).toString(8)).toBe('700');
    expect(looseEntries(home)).toEqual([]);
    expect(readdirSync(logs)).toEqual(expect.arrayContaining(['manifest.json', 'checkpoint.json', 'run_tests']));
    expect(looseEntries(logs)).toEqual([]);
  });
});

describe('issue 8.7: a task worktree', () => {
  let project: TaskProject | undefined;
  let umask: number | undefined;
  beforeAll(() => {
    // The daemon and the CLI inherit it from this test process.
    umask = process.umask(0o022);
  });
  afterAll(() => {
    if (umask !== undefined) process.umask(umask);
  });
  afterEach(async () => {
    await project?.cleanup();
    project = undefined;
  });

  it('issue 8.7: the daemon state and the worktrees folder are private; only the checkout itself is the project', { timeout: 90_000 }, async () => {
    project = new TaskProject();
    expect((await project.bin(['new', 'demo', '-m', 'Write the output file', '--agent', 'fake'])).code).toBe(0);
    const started = await project.bin(['start', 'demo']);
    expect(started.code).toBe(0);
    const worktree = (await project.task('demo')).worktree!;
    expect(worktree.startsWith(join(project.home, 'worktrees'))).toBe(true);
    // Files inside the checkout are the project's and keep their usual modes; the folders above it do not.
    expect(looseEntries(project.home, (path) => path === worktree)).toEqual([]);
    expect(readdirSync(join(project.home, 'daemon')).length).toBeGreaterThan(0);
  });
});
