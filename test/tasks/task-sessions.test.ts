import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskChange } from '../../src/server/tasks/service-context.js';
import type { TaskList, TaskView } from '../../src/server/tasks/task-queries.js';
import { spawnInPty, type PtyDriver } from '../support/pty-driver.js';
import { exitsCleanly, ok } from '../support/task-assertions.js';
import { binPath, fakeAgentPath, TaskProject } from '../support/task-project.js';

// Statuses as a live agent moves them, `status set`/`--watch`/`--json`, stop/start and agent exits,
// all through the built CLI, the real daemon and the scripted fake agent in real PTYs.

let project: TaskProject | undefined;
const terminals: PtyDriver[] = [];
afterEach(async () => {
  for (const terminal of terminals.splice(0)) terminal.kill();
  await project?.cleanup();
  project = undefined;
});

/** `orchestra attach <ref>` in a real terminal; 120x40 is the size a `start` from a pipe gives the agent. */
function attach(p: TaskProject, ref: string, size = { cols: 120, rows: 40 }): PtyDriver {
  const terminal = spawnInPty(process.execPath, [binPath, 'attach', ref], { cwd: p.project, env: { ...process.env, ...p.env }, ...size });
  terminals.push(terminal);
  return terminal;
}

/** Every `task.changed` the daemon announces, in order, from a subscription of our own. */
async function recordChanges(p: TaskProject) {
  const client = await p.client();
  const changes: TaskChange[] = [];
  const waiters = new Set<() => void>();
  client.onNotification('task.changed', (change: TaskChange) => {
    changes.push(change);
    for (const waiter of [...waiters]) waiter();
  });
  await client.call('task.subscribe', {});
  return {
    changes,
    close: () => client.close(),
    /** The first change from index `from` on that `accept` holds for; its index comes back too. */
    waitFor(accept: (change: TaskChange) => boolean, from = 0, timeoutMs = 20_000): Promise<number> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const at = changes.findIndex((change, index) => index >= from && accept(change));
          if (at === -1) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(at);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such change after #${from}; seen:\n${changes.map((c) => JSON.stringify(c)).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

const statusChange = (from: string, to: string) => (change: TaskChange) => change.kind === 'status' && change.previousStatus === from && change.status === to;

/** Alive and not a zombie (a container's PID 1 may never reap an orphan). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('task statuses follow the agent', () => {
  it('draft → running → idle needing input → running on an answer → idle; complete, feedback, resize, review', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    ok(await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']));
    ok(await project.bin(['new', 'other', '-m', 'Never started', '--agent', 'fake']));
    expect(await project.task('demo')).toMatchObject({ status: 'draft', needsInput: false });
    const log = await recordChanges(project);
    try {
      ok(await project.bin(['start', 'demo']));
      await log.waitFor(statusChange('draft', 'running'));
      let mark = await log.waitFor(statusChange('running', 'idle'));
      const waiting = await project.waitForTask('demo', (task) => task.needsInput);
      expect(waiting).toMatchObject({ status: 'idle', activity: 'waiting' });

      // Attached at the PTY's own size: no resize, so the output that follows is the answer's.
      const terminal = attach(project, 'demo');
      await terminal.waitFor('Proceed with the change? (y/n)');
      terminal.write('hello\r');
      await terminal.waitFor('Anything else?');
      expect(terminal.output()).toContain('ok: hello');
      mark = await log.waitFor(statusChange('idle', 'running'), mark);
      mark = await log.waitFor(statusChange('running', 'idle'), mark);

      const completed = await project.bin(['complete', 'demo']);
      expect(completed).toMatchObject({ code: 0, stdout: 'completed task 1 (demo): now completed\n' });

      // A resize makes the agent redraw (here: print a line): output, but not feedback.
      const afterComplete = log.changes.length;
      terminal.resize(100, 30);
      await terminal.waitFor('resized 100x30');
      const working = await log.waitFor((c) => c.kind === 'activity' && c.activity === 'working', afterComplete);
      await log.waitFor((c) => c.kind === 'activity' && c.activity !== 'working', working);
      expect(log.changes.slice(afterComplete).filter((c) => c.kind === 'status')).toEqual([]);
      expect((await project.task('demo')).status).toBe('completed');

      // Typing into the completed task is feedback: back to running, then idle again.
      terminal.write('one more thing\r');
      await terminal.waitFor('ok: one more thing');
      mark = await log.waitFor(statusChange('completed', 'running'), afterComplete);
      await log.waitFor(statusChange('running', 'idle'), mark);

      ok(await project.bin(['complete', 'demo']));
      const reviewed = await project.bin(['review', 'demo']);
      expect(reviewed).toMatchObject({ code: 0, stdout: 'reviewed task 1 (demo): now reviewed\n' });
      expect((await project.task('demo')).status).toBe('reviewed');

      terminal.write('\u001d');
      await exitsCleanly(terminal);
      // Output changes are only for subscribers that ask for them (the watch table).
      expect(log.changes.filter((c) => c.kind === 'output')).toEqual([]);
    } finally {
      log.close();
    }

    const otherFile = join(project.project, '.orchestra/tasks/2:other.md');
    const before = readFileSync(otherFile, 'utf8');
    const refused = await project.bin(['review', 'other']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('error[E_TASK_STATE]: task 2 (other) is draft; only a completed task can be marked reviewed.');
    expect(refused.stderr).toContain('hint: Complete it first: orchestra complete 2');
    expect(readFileSync(otherFile, 'utf8')).toBe(before);
    ok(await project.bin(['status']));
  });
});

describe('orchestra status set', () => {
  it('moves a live task the way a hook would, and refuses bad statuses and forbidden moves', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']);
    await project.bin(['new', 'other', '-m', 'Never started', '--agent', 'fake']);
    ok(await project.bin(['start', 'demo']));
    await project.waitForTask('demo', (task) => task.status === 'idle' && task.needsInput);

    // The agent stays quiet, so what the hook said holds: quiescence does not undo it.
    expect(await project.bin(['status', 'set', 'demo', 'running'])).toMatchObject({ code: 0, stdout: 'task 1 (demo): running\n' });
    expect(await project.task('demo')).toMatchObject({ status: 'running', activity: 'working', needsInput: false });
    expect(await project.bin(['status', 'set', '1', 'idle'])).toMatchObject({ code: 0, stdout: 'task 1 (demo): idle\n' });
    expect(await project.task('demo')).toMatchObject({ status: 'idle', activity: 'idle', needsInput: false });
    const stillRuns = await project.bin(['status', 'set', 'demo', 'stopped']);
    expect(stillRuns.code).toBe(4);
    expect(stillRuns.stderr).toContain('error[E_TASK_STATE]: task 1 (demo) has a running agent; it cannot be marked stopped by hand.');
    expect(stillRuns.stderr).toContain('hint: Stop the agent: orchestra stop 1');
    expect(await project.bin(['status', 'set', 'demo', 'completed'])).toMatchObject({ code: 0, stdout: 'task 1 (demo): completed\n' });
    expect((await project.task('demo')).status).toBe('completed');

    const file = join(project.project, '.orchestra/tasks/2:other.md');
    const before = readFileSync(file, 'utf8');
    const bad = await project.bin(['status', 'set', 'other', 'done']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error[E_USAGE]');
    expect(bad.stderr).toContain('"done"');
    expect(bad.stderr).toContain('draft, running, idle, completed, reviewed, stopped');
    const missing = await project.bin(['status', 'set', 'other']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error[E_USAGE]: status set takes a task and a status.');

    const forbidden = await project.bin(['status', 'set', 'other', 'completed']);
    expect(forbidden.code).toBe(4);
    expect(forbidden.stderr).toContain('error[E_TASK_STATE]: task 2:other is draft; it cannot become completed');
    expect(forbidden.stderr).toContain('hint: From draft a task can become running or failed.');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const unknown = await project.bin(['status', 'set', 'nope', 'running']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('E_TASK_NOT_FOUND');
    // The daemon is still there and still knows both tasks as they were.
    expect((await project.task('demo')).status).toBe('completed');
    expect((await project.task('other')).status).toBe('draft');
  });
});

describe('orchestra status --watch', () => {
  it('prints a line per change, rings the bell when the agent needs input, and ends with 0 on SIGINT', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']);
    const watcher = spawn(process.execPath, [binPath, 'status', '--watch'], { cwd: project.project, env: { ...process.env, ...project.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => watcher.on('exit', (code) => resolve(code)));
    let stdout = '';
    let stderr = '';
    const waiters = new Set<() => void>();
    watcher.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const waiter of [...waiters]) waiter();
    });
    watcher.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const waitForOutput = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stdout)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`status --watch never printed ${pattern}; it printed:\n${stdout}\nstderr:\n${stderr}`)), 20_000);
        waiters.add(check);
        check();
      });
    try {
      // The table comes first; the watch is subscribed before it is printed, so nothing after it is missed.
      await waitForOutput(/demo\s+draft/);
      ok(await project.bin(['start', 'demo']));
      await waitForOutput(/^\d\d:\d\d:\d\d task 1 \(demo\): draft → running$/m);
      await waitForOutput(/\d\d:\d\d:\d\d task 1 \(demo\) needs input$/m);
      ok(await project.bin(['complete', 'demo']));
      await waitForOutput(/task 1 \(demo\): idle → completed$/m);
      const lines = stdout.split('\n');
      expect(lines.filter((line) => line.endsWith('draft → running'))).toHaveLength(1);
      // The bell rings once, at the start of the needs-input line, and nowhere else.
      const bells = lines.filter((line) => line.includes('\u0007'));
      expect(bells).toHaveLength(1);
      expect(bells[0]!.startsWith('\u0007') && bells[0]!.endsWith('task 1 (demo) needs input')).toBe(true);
      watcher.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      watcher.kill('SIGKILL');
    }
  });
});

describe('orchestra status --json', () => {
  it('lists tasks with what the daemon knows live, and the malformed files as problems', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']);
    await project.bin(['new', 'other', '-m', 'Never started', '--agent', 'fake']);
    ok(await project.bin(['start', 'demo']));
    await project.waitForTask('demo', (task) => task.needsInput);
    writeFileSync(join(project.project, '.orchestra/tasks/3:broken.md'), '---\nstatus: [unclosed\n---\n\nbroken\n');

    const listed = await project.bin(['status', '--json']);
    expect(listed.code).toBe(1);
    const list = JSON.parse(listed.stdout) as TaskList;
    expect(Object.keys(list).sort()).toEqual(['problems', 'tasks']);
    const [demo, other] = list.tasks;
    expect(list.tasks).toHaveLength(2);
    expect(demo).toMatchObject({ id: 1, slug: 'demo', status: 'idle', activity: 'waiting', needsInput: true, agent: 'fake', projectRoot: project.project, pid: project.agentStarts()[0]!.pid });
    expect(demo!.lastLine).toBe('Proceed with the change? (y/n)');
    expect(other).toMatchObject({ id: 2, slug: 'other', status: 'draft', needsInput: false });
    for (const key of ['activity', 'pid', 'lastLine']) expect(other).not.toHaveProperty(key);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ code: 'E_TASK_FILE', file: join(project.project, '.orchestra/tasks/3:broken.md'), line: expect.any(Number) });

    const one = await project.bin(['status', 'demo', '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout) as TaskView).toMatchObject({ id: 1, needsInput: true, pid: demo!.pid });
  });
});

describe('stop, start again and agent exits', () => {
  it('stop ends the process group, start resumes the session, exit 0 stops, exit 3 fails, logs stay', { timeout: 150_000 }, async () => {
    project = new TaskProject();
    // A profile whose agent starts a child in its process group, as a dev server or a build would.
    appendFileSync(
      join(project.project, 'orchestra.yaml'),
      `  fake-parent:
    command: ${JSON.stringify(process.execPath)}
    args: [${JSON.stringify(fakeAgentPath)}, "{prompt}"]
    pass_env: ["FAKE_*"]
    interactive:
      args: [${JSON.stringify(fakeAgentPath)}, "--spawn-child", "--session-id", "{session_id}", "{prompt}"]
      resume_args: [${JSON.stringify(fakeAgentPath)}, "--session", "{session_id}"]
      session_id: assign
      prompt_via: argument
`,
    );
    ok(await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake-parent']));
    ok(await project.bin(['start', 'demo']));
    const first = await project.waitForTask('demo', (task) => task.needsInput);
    const [started] = project.agentStarts();
    expect(first.pid).toBe(started!.pid);
    expect(first.agentSession).toBe(started!.session);
    const childPid = Number(/child (\d+)/.exec((await project.bin(['logs', 'demo'])).stdout)?.[1]);
    expect(isAlive(childPid)).toBe(true);

    expect(await project.bin(['stop', 'demo'])).toMatchObject({ code: 0, stdout: 'stopped task 1 (demo): now stopped\n' });
    expect(await project.task('demo')).toMatchObject({ status: 'stopped', needsInput: false });
    expect((await project.task('demo')).pid).toBeUndefined();
    expect(isAlive(started!.pid)).toBe(false);
    expect(isAlive(childPid)).toBe(false);

    const notRunning = await project.bin(['attach', 'demo']);
    expect(notRunning.code).toBe(4);
    expect(notRunning.stderr).toContain('error[E_AGENT_NOT_RUNNING]: task 1 (demo) has no running agent to attach to.');
    expect(notRunning.stderr).toContain('hint: Start it again (it resumes its session): orchestra start 1');

    // Started again: the same session, resumed; the agent says so.
    ok(await project.bin(['start', 'demo']));
    await project.waitForTask('demo', (task) => task.needsInput);
    const resumed = project.agentStarts()[1]!;
    expect(resumed.argv).toEqual(['--session', started!.session]);
    let terminal = attach(project, 'demo');
    await terminal.waitFor(`resumed session ${started!.session}`);
    await terminal.waitFor('Proceed with the change? (y/n)');
    terminal.write('exit\r');
    await terminal.waitFor('[the agent exited with code 0]');
    await exitsCleanly(terminal);
    await project.waitForTask('demo', (task) => task.status === 'stopped');
    expect(isAlive(resumed.pid)).toBe(false);

    ok(await project.bin(['start', 'demo']));
    await project.waitForTask('demo', (task) => task.needsInput);
    terminal = attach(project, 'demo');
    await terminal.waitFor('Proceed with the change? (y/n)');
    terminal.write('exit 3\r');
    await terminal.waitFor('[the agent exited with code 3]');
    await exitsCleanly(terminal);
    expect(await project.waitForTask('demo', (task) => task.status === 'failed')).not.toHaveProperty('pid');

    // The output of all three runs, as text, after the agent is gone.
    const logs = await project.bin(['logs', 'demo']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain(`session ${started!.session}\n`);
    expect(logs.stdout).toContain(`resumed session ${started!.session}\n`);
    expect(logs.stdout).toContain('Proceed with the change? (y/n) exit 3\n');
    expect(logs.stdout).not.toContain('\u001b[');
    // Any directory inside the project works; here the failed task's worktree.
    expect((await project.bin(['logs', 'demo', '-n', '1'], { cwd: first.worktree! })).stdout).toContain('exit 3');
  });
});
