import xterm from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnInPty, type PtyDriver } from '../support/pty-driver.js';
import { exitsCleanly, ok } from '../support/task-assertions.js';
import { binPath, TaskProject } from '../support/task-project.js';

// `orchestra attach` and `orchestra watch` from real terminals (PTYs) against the real daemon and
// the scripted fake agent: several viewers, sizes, detach keys, refusals and the redraw.

let project: TaskProject | undefined;
const terminals: PtyDriver[] = [];
afterEach(async () => {
  for (const terminal of terminals.splice(0)) terminal.kill();
  await project?.cleanup();
  project = undefined;
});

/** `orchestra <args>` in a real terminal; 120x40 is the size a `start` from a pipe gives the agent. */
function inTerminal(p: TaskProject, args: string[], o: { cols?: number; rows?: number; env?: Record<string, string> } = {}): PtyDriver {
  const terminal = spawnInPty(process.execPath, [binPath, ...args], { cwd: p.project, env: { ...process.env, ...p.env, ...o.env }, cols: o.cols ?? 120, rows: o.rows ?? 40 });
  terminals.push(terminal);
  return terminal;
}

/** What a terminal of that size shows after `output`: its screen lines, trailing blanks dropped. */
async function screenOf(output: string, cols: number, rows: number): Promise<string[]> {
  const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(output, resolve));
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  terminal.dispose();
  while (lines.at(-1)?.trim() === '') lines.pop();
  return lines;
}

async function startWaiting(p: TaskProject, env: Record<string, string> = {}): Promise<void> {
  ok(await p.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']));
  ok(await p.bin(['start', 'demo'], { env }));
  await p.waitForTask('demo', (task) => task.needsInput);
}

describe('orchestra attach', () => {
  it('lets two terminals watch and type at once; the PTY takes the size of the last one to attach or resize', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    await startWaiting(project);
    const one = inTerminal(project, ['attach', 'demo'], { cols: 90, rows: 24 });
    await one.waitFor('Proceed with the change? (y/n)');
    await one.waitFor('resized 90x24');
    let mark = one.output().length;
    const two = inTerminal(project, ['attach', 'demo'], { cols: 100, rows: 30 });
    await two.waitFor('resized 100x30');
    await one.waitFor('resized 100x30', { from: mark });

    mark = one.output().length;
    let markTwo = two.output().length;
    one.write('from-one\r');
    await one.waitFor('ok: from-one', { from: mark });
    await two.waitFor('ok: from-one', { from: markTwo });
    mark = one.output().length;
    markTwo = two.output().length;
    two.write('from-two\r');
    await two.waitFor('ok: from-two', { from: markTwo });
    await one.waitFor('ok: from-two', { from: mark });

    markTwo = two.output().length;
    one.resize(80, 20);
    await two.waitFor('resized 80x20', { from: markTwo });

    one.write('\u001d');
    await one.waitFor('detached from task 1 (demo); the agent keeps running');
    await exitsCleanly(one);
    // The other terminal is still attached and still types into the agent.
    markTwo = two.output().length;
    two.write('still here\r');
    await two.waitFor('ok: still here', { from: markTwo });
    two.write('\u001d');
    await exitsCleanly(two);
    expect((await project.task('demo')).pid).toBe(project.agentStarts()[0]!.pid);

    // issue 9: a terminal that reports 0x0 attaches at 80x24 instead of failing.
    const zero = inTerminal(project, ['attach', 'demo'], { cols: 0, rows: 0 });
    await zero.waitFor('resized 80x24');
    zero.write('\u001d');
    await exitsCleanly(zero);
  });

  it('detaches with --detach-key or ORCHESTRA_DETACH_KEY, passing Ctrl-] through; refuses bad keys and agents that do not run', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    const draft = await project.bin(['new', 'later', '-m', 'Not yet', '--agent', 'fake']);
    expect(draft.code).toBe(0);
    const notStarted = await project.bin(['attach', 'later']);
    expect(notStarted.code).toBe(4);
    expect(notStarted.stderr).toContain('error[E_AGENT_NOT_RUNNING]: task 1 (later) has no running agent to attach to.');
    expect(notStarted.stderr).toContain('hint: Start it: orchestra start 1');
    const unknown = await project.bin(['attach', 'nope']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('E_TASK_NOT_FOUND');

    await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']);
    ok(await project.bin(['start', 'demo']));
    await project.waitForTask('demo', (task) => task.needsInput);

    const byFlag = inTerminal(project, ['attach', 'demo', '--detach-key', 'ctrl-q']);
    await byFlag.waitFor('Proceed with the change? (y/n)');
    byFlag.write('a\u001db\r');
    await byFlag.waitFor('ok: a\u001db');
    byFlag.write('\u0011');
    await byFlag.waitFor('detached from task 2 (demo)');
    await exitsCleanly(byFlag);

    const byEnv = inTerminal(project, ['attach', 'demo'], { env: { ORCHESTRA_DETACH_KEY: 'ctrl-q' } });
    await byEnv.waitFor('Anything else?');
    byEnv.write('c\u001dd\r');
    await byEnv.waitFor('ok: c\u001dd');
    byEnv.write('\u0011');
    await byEnv.waitFor('detached from task 2 (demo)');
    await exitsCleanly(byEnv);

    const badFlag = await project.bin(['attach', 'demo', '--detach-key', 'banana']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('error[E_USAGE]: "banana" is not a detach key.');
    expect(badFlag.stderr).toContain('hint: Use ctrl-<key>');
    const badEnv = await project.bin(['attach', 'demo'], { env: { ORCHESTRA_DETACH_KEY: 'ctrl-1' } });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('error[E_USAGE]: "ctrl-1" has no control code.');
    // None of it touched the agent: the same process, back to waiting once its last answer's output went quiet.
    const after = await project.waitForTask('demo', (task) => task.status === 'idle' && task.needsInput);
    expect(after.pid).toBe(project.agentStarts()[0]!.pid);
    expect(project.agentStarts()).toHaveLength(1);
  });

  it('redraws the current screen once, with no line twice, even while the agent is printing', { timeout: 120_000 }, async () => {
    // Slow work, so the first attach lands while the agent still prints its progress line.
    project = new TaskProject({ env: { FAKE_AGENT_WORK_MS: '1500' } });
    ok(await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']));
    ok(await project.bin(['start', 'demo']));
    const early = inTerminal(project, ['attach', 'demo']);
    await early.waitFor('Proceed with the change? (y/n)');
    early.write('hello\r');
    await early.waitFor('Anything else?');
    await project.waitForTask('demo', (task) => task.needsInput && task.lastLine === 'Anything else?');
    const live = await screenOf(early.output(), 120, 40);
    early.write('\u001d');
    await exitsCleanly(early);

    const session = project.agentStarts()[0]!.session;
    const expected = [`fake-agent started in `, `session ${session}`, 'prompt: ', 'worked in 1500 ms', 'Proceed with the change? (y/n) hello', 'ok: hello', 'Anything else?'];
    const late = inTerminal(project, ['attach', 'demo']);
    await late.waitFor('Anything else?');
    const redrawn = await screenOf(late.output(), 120, 40);
    for (const screen of [live, redrawn]) {
      expect(screen.map((line) => line.trimEnd())).toHaveLength(expected.length);
      expected.forEach((start, index) => expect(screen[index]).toMatch(new RegExp(`^${start.replace(/[()?]/g, '\\$&')}`)));
    }
    expect(redrawn).toEqual(live);
    late.write('\u001d');
    await exitsCleanly(late);
  });
});

describe('orchestra watch', () => {
  it('shows the tasks with their status; Enter attaches, Ctrl-] comes back, x stops, q quits', { timeout: 120_000 }, async () => {
    project = new TaskProject();
    await startWaiting(project);
    ok(await project.bin(['new', 'other', '-m', 'Not yet', '--agent', 'fake']));
    const watch = inTerminal(project, ['watch'], { cols: 120, rows: 30 });
    await watch.waitFor(/needs input[\s\S]*other/);
    const table = await screenOf(watch.output(), 120, 30);
    expect(table.find((line) => line.includes('demo'))).toMatch(/^›\s+1\s+demo\s+needs input\s+fake\s+orchestra\/1-demo\s/);
    expect(table.find((line) => line.includes('other'))).toMatch(/^\s+2\s+other\s+draft\s/);

    let mark = watch.output().length;
    watch.write('\r');
    // The table's last-output column shows the question too: the agent's redraw for the watch's
    // own size (the table is 30 rows, the agent's PTY 40) is what says the attach is live.
    await watch.waitFor('resized 120x30', { from: mark });
    watch.write('from-watch\r');
    await watch.waitFor('ok: from-watch', { from: mark });
    mark = watch.output().length;
    watch.write('\u001d');
    await watch.waitFor('detached from 1:demo', { from: mark });
    await watch.waitFor('orchestra/1-demo', { from: mark });

    mark = watch.output().length;
    watch.write('x');
    await watch.waitFor('stopped 1:demo', { from: mark });
    expect(await project.waitForTask('demo', (task) => task.status === 'stopped')).not.toHaveProperty('pid');
    await watch.waitFor(/stopped/, { from: mark });

    watch.write('q');
    await exitsCleanly(watch);
  });

  it("follows a busy agent's last line while it works, not only when its status changes", { timeout: 120_000 }, async () => {
    // Four progress steps a second apart, each within the quiet time: the agent works throughout,
    // so no status or activity change would refresh the table meanwhile.
    project = new TaskProject({ quietMs: 2_500, env: { FAKE_AGENT_WORK_MS: '4000' } });
    ok(await project.bin(['new', 'demo', '-m', 'Say hello', '--agent', 'fake']));
    const watch = inTerminal(project, ['watch'], { cols: 120, rows: 30 });
    await watch.waitFor('draft');
    ok(await project.bin(['start', 'demo']));
    // The listing on start shows at most the first step; a later one came with an output change.
    await watch.waitFor(/working step [234]\/4/);
    expect(await project.task('demo')).toMatchObject({ status: 'running', activity: 'working' });
    await watch.waitFor(/needs input.*Proceed with the change\? \(y\/n\)/);
    watch.write('q');
    await exitsCleanly(watch);
  });
});
