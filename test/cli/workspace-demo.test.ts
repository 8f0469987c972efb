import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.js';

const setupScript = fileURLToPath(new URL('../../examples/workspace-demo/setup.sh', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-workspace-demo-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

/** HEAD, branch, status, files and worktrees of the user's checkout: equal before and after means untouched. */
const checkoutState = (app: string) => [git(app, 'rev-parse', 'HEAD'), git(app, 'symbolic-ref', 'HEAD'), git(app, 'status', '--porcelain', '--untracked-files=all'), git(app, 'ls-files')].join('---');

describe('issue 14: examples/workspace-demo with --simulate', () => {
  it('issue 14: the run commits the plan and both parallel branches on its session branch, merges them, passes the check and pushes; the checkout is untouched; cleanup then removes it', async () => {
    const project = join(dir, 'project');
    execFileSync('sh', [setupScript, project], { encoding: 'utf8' });
    const app = join(project, 'app');
    const home = join(dir, 'home');
    const before = checkoutState(app);

    const run = await runCli(['run', 'workspace-demo.dot', '--simulate', '--auto-approve'], { cwd: project, home });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('✓ test  success');
    const runId = /run (\w+)/.exec(run.stdout)?.[1] ?? '';
    const branch = `orchestra/WorkspaceDemo/${runId}`;

    // Every node's files are on the session branch, each from the node that wrote it.
    expect(git(app, 'ls-tree', '-r', '--name-only', branch).split('\n').filter(Boolean).sort()).toEqual(['PLAN.md', 'README.md', 'check.sh', 'docs/greeting.md', 'src/greet.js']);
    const nodes = git(app, 'log', '--format=%(trailers:key=Orchestra-Node,valueonly)', branch).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(nodes).toEqual(expect.arrayContaining(['plan', 'implement_code', 'implement_docs']));
    const runTrailers = git(app, 'log', '--no-merges', '--format=%(trailers:key=Orchestra-Run,valueonly)', `main..${branch}`).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(new Set(runTrailers)).toEqual(new Set([runId]));
    expect(git(app, 'log', '--merges', '--format=%H', branch).trim()).not.toBe('');
    expect(git(app, 'show', `${branch}:src/greet.js`)).toContain('[Simulated] written by stage implement_code');
    // The parallel branches were merged and removed; the session worktree has the run's state.
    expect(git(app, 'branch', '--list', `${branch}--*`).trim()).toBe('');
    const worktree = join(home, 'workspaces', runId, 'app');
    expect(readFileSync(join(worktree, 'docs/greeting.md'), 'utf8')).toContain('implement_docs');
    expect(git(worktree, 'status', '--porcelain')).toBe('');

    // The user's checkout never moved, and push: on_completion put the branch on the remote.
    expect(checkoutState(app)).toBe(before);
    expect(existsSync(join(app, 'PLAN.md'))).toBe(false);
    expect(git(join(project, 'remote.git'), 'rev-parse', `refs/heads/${branch}`)).toBe(git(app, 'rev-parse', branch));

    const cleanup = await runCli(['cleanup', '--json'], { cwd: project, home });
    expect(cleanup.code).toBe(0);
    const report = JSON.parse(cleanup.stdout) as { removed: Array<{ runId: string; reason: string }> };
    expect(report.removed).toEqual([expect.objectContaining({ runId, reason: 'pushed to origin' })]);
    expect(existsSync(worktree)).toBe(false);
    expect(git(app, 'branch', '--list', branch).trim()).toBe('');
    expect(checkoutState(app)).toBe(before);
  });
});
