import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnInPty } from '../support/pty-driver.js';
import { binPath, TaskProject } from '../support/task-project.js';

let project: TaskProject | undefined;

/** Folders under `dir` with nothing in them, but for the home's own top-level `worktrees` and `logs`. */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isDirectory() && ![join(dir, 'worktrees'), join(dir, 'logs')].includes(join(entry.parentPath, entry.name)))
    .filter((entry) => readdirSync(join(entry.parentPath, entry.name)).length === 0)
    .map((entry) => join(entry.parentPath, entry.name));
}
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('a task from new to merge, with a scripted agent in a real PTY', () => {
  it('issue 9: starts in a worktree with the caller\'s environment, asks for input, is attached to, answered, detached from, completed and merged', { timeout: 120_000 }, async () => {
    project = new TaskProject({ setup: '#!/bin/sh\necho "setup: task $ORCHESTRA_TASK_ID $ORCHESTRA_TASK_SLUG port $ORCHESTRA_PORT"\nenv | grep ^ORCHESTRA_ | sort > .setup-env\n' });
    const created = await project.bin(['new', 'demo', '-m', 'Write the output file', '--agent', 'fake']);
    expect(created).toMatchObject({ code: 0 });
    // issue 9: the project's first task brings the .gitignore advice, once.
    expect(created.stderr).toContain('hint: task files live in .orchestra/tasks/');
    expect(created.stderr).toContain('.orchestra/tasks/.last-id');
    expect(created.stdout).toContain('created task 1 (demo) on main');
    expect(existsSync(join(project.project, '.orchestra/tasks/1:demo.md'))).toBe(true);

    // issue 9: the agent gets the environment of the shell that ran `start`, not the daemon's.
    expect((await project.bin(['daemon', 'start'], { env: { FAKE_DAEMON_ONLY: 'daemon' } })).code).toBe(0);
    const started = await project.bin(['start', 'demo'], { env: { FAKE_CALLER_ONLY: 'caller' } });
    expect(started.code).toBe(0);
    expect(started.stderr).toContain('setup: task 1 demo port ');
    const running = await project.task('demo');
    expect(running).toMatchObject({ status: 'running', agent: 'fake', branch: 'orchestra/1-demo' });
    const setupEnv = readFileSync(join(running.worktree!, '.setup-env'), 'utf8');
    expect(setupEnv).toContain(`ORCHESTRA_WORKTREE=${running.worktree}`);
    expect(setupEnv).toContain(`ORCHESTRA_PROJECT_ROOT=${project.project}`);
    expect(setupEnv).toContain('ORCHESTRA_BASE_BRANCH=main');
    expect(setupEnv).toMatch(/ORCHESTRA_PORT=\d+/);

    // The agent asks a question and goes quiet: idle, needing input.
    const waiting = await project.waitForTask('demo', (task) => task.status === 'idle' && task.needsInput);
    expect(waiting.lastLine).toContain('Proceed with the change? (y/n)');
    expect(project.agentStarts()[0]?.env).toMatchObject({ FAKE_CALLER_ONLY: 'caller' });
    expect(project.agentStarts()[0]?.env).not.toHaveProperty('FAKE_DAEMON_ONLY');

    // attach from a real terminal: the screen is redrawn, the answer reaches the agent, Ctrl-] detaches.
    const terminal = spawnInPty(process.execPath, [binPath, 'attach', 'demo'], { cwd: join(project.project), env: { ...process.env, ...project.env }, cols: 90, rows: 24 });
    await terminal.waitFor('Proceed with the change? (y/n)');
    terminal.write('y\r');
    await terminal.waitFor('Anything else?');
    terminal.write('\u001d');
    await terminal.waitFor('detached from task 1 (demo)');
    expect((await terminal.exited).exitCode).toBe(0);
    expect(readFileSync(join(running.worktree!, 'fake-agent-output.txt'), 'utf8')).not.toBe('');
    const afterDetach = await project.task('demo');
    expect(afterDetach.pid).toBe(running.pid);
    // Merge refuses while the agent works: wait until its "Anything else?" has gone quiet (seen failing under load).
    await project.waitForTask('demo', (task) => task.status === 'idle');

    expect((await project.bin(['complete', 'demo'])).code).toBe(0);
    const diff = await project.bin(['diff', 'demo']);
    expect(diff.stdout).toContain('fake-agent-output.txt');
    const merged = await project.bin(['merge', 'demo']);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toContain('merged task 1 (demo) into main');
    expect(existsSync(join(project.project, 'fake-agent-output.txt'))).toBe(true);
    expect(existsSync(running.worktree!)).toBe(false);
    // issue 9: the task says it was merged, and no empty folder of it is left in the Orchestra home.
    expect(await project.task('demo')).toMatchObject({ status: 'merged' });
    expect((await project.bin(['status'])).stdout).toMatch(/demo\s+merged/);
    expect(emptyFolders(project.home)).toEqual([]);

    // issue 9: after rm, a new task never gets the removed one's id.
    expect((await project.bin(['rm', 'demo'])).code).toBe(0);
    const again = await project.bin(['new', 'again', '-m', 'x', '--agent', 'fake']);
    expect(again.stdout).toContain('created task 2 (again)');
    expect(again.stderr).toBe('');
    expect(emptyFolders(project.home)).toEqual([]);
  });
});
