import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { PtySession, type SessionExit } from './pty-session.js';
import { createCleanup, eventually, fakeAgentLaunch, isRunning, recordOutput } from './session-test-support.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const question = 'Proceed with the change? (y/n)';

async function startFakeAgent(args: string[] = [], env: Record<string, string> = {}, extra: { logFile?: string; cols?: number; rows?: number } = {}) {
  const cwd = await cleanup.tempDir();
  const session = cleanup.session(PtySession.spawn({ ...fakeAgentLaunch(cwd, args, env), ...extra }));
  return { cwd, session, output: recordOutput(session) };
}

/** What a terminal shows after being fed `ansi`: one string per row, right-trimmed. */
async function render(ansi: string, cols: number, rows: number): Promise<string[]> {
  const terminal = new xterm.Terminal({ cols, rows, scrollback: 1000, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(ansi, resolve));
  const buffer = terminal.buffer.active;
  const lines = Array.from({ length: rows }, (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
  terminal.dispose();
  return lines;
}

describe('PtySession', () => {
  it('runs the agent in a PTY and mirrors its screen, so a fresh terminal redraws the same text', async () => {
    const { cwd, session, output } = await startFakeAgent([], {}, { cols: 90, rows: 20 });
    expect(session.pid).toBeGreaterThan(0);
    expect(session.startTime).toMatch(/^\d+$/);
    await output.waitFor(question);
    // Straight after the output event: screen() must wait for the mirror to parse it.
    const screen = await session.screen();
    expect(session.size()).toEqual({ cols: 90, rows: 20 });
    const rows = await render(screen, 90, 20);
    expect(rows.join('\n')).toContain(`fake-agent started in ${cwd}`);
    expect(rows.join('\n')).toContain('worked in 60 ms');
    expect(rows.find((row) => row.startsWith('Proceed'))).toBe(`${question} `);
    // The progress line was redrawn in place with clear-line escapes: only its last state is on screen.
    expect(rows.filter((row) => row.includes('step '))).toEqual([]);
    expect(session.lastLine()).toBe(question);
    expect(session.lastOutputAt()).toBeTypeOf('number');
    expect(session.exited).toBeUndefined();
  });

  it('takes input: `y` makes the agent write its file, `exit 3` ends it and onExit gets the code', async () => {
    const { cwd, session, output } = await startFakeAgent();
    const exits: SessionExit[] = [];
    session.onExit((exit) => exits.push(exit));
    await output.waitFor(question);
    session.write('y\r');
    await output.waitFor('Anything else?');
    expect(await readFile(join(cwd, 'fake-agent-output.txt'), 'utf8')).toContain('change made by fake-agent');
    const exited = new Promise<SessionExit>((resolve) => session.onExit(resolve));
    session.write('exit 3\r');
    expect(await exited).toEqual({ exitCode: 3 });
    expect(exits).toEqual([{ exitCode: 3 }]);
    expect(session.exited).toEqual({ exitCode: 3 });
    session.write('ignored after exit\r');
    expect(await session.stop()).toEqual({ exitCode: 3 });
  });

  it('resizes the PTY and the mirror together: the agent sees the new size', async () => {
    const { session, output } = await startFakeAgent();
    await output.waitFor(question);
    session.resize(100, 30);
    await output.waitFor('resized 100x30');
    expect(session.size()).toEqual({ cols: 100, rows: 30 });
    expect(() => session.resize(0, 30)).toThrow(/terminal `cols`/);
  });

  it('fans output out to many listeners; an unsubscribed one hears no more', async () => {
    const { session, output } = await startFakeAgent();
    let first = '';
    let second = '';
    const offFirst = session.onOutput((data) => (first += data));
    session.onOutput((data) => (second += data));
    await output.waitFor(question);
    offFirst();
    const before = first;
    session.write('hello\r');
    await output.waitFor('ok: hello');
    expect(before).toContain(question);
    expect(first).toBe(before);
    expect(second).toContain('ok: hello');
  });

  it('stop() ends the whole process group, a grandchild included, and reports the signal', async () => {
    const { session, output } = await startFakeAgent(['--spawn-child']);
    const text = await output.waitFor(/child (\d+)/);
    const child = cleanup.pid(Number(/child (\d+)/.exec(text)?.[1]));
    expect(isRunning(child)).toBe(true);
    const exit = await session.stop({ graceMs: 5000 });
    expect(exit.signal).toBe(15);
    expect(session.exited).toEqual(exit);
    await eventually(() => !isRunning(child), `grandchild ${child} to die`);
    expect(isRunning(session.pid)).toBe(false);
  });

  it('stop() falls back to SIGKILL for an agent (and its child) that ignore SIGTERM', async () => {
    const { session, output } = await startFakeAgent(['--spawn-child'], { FAKE_AGENT_IGNORE_SIGHUP: '1' });
    const text = await output.waitFor(question);
    const child = cleanup.pid(Number(/child (\d+)/.exec(text)?.[1]));
    const exit = await session.stop({ graceMs: 300 });
    expect(exit.signal).toBe(9);
    await eventually(() => !isRunning(child), `grandchild ${child} to die`);
  });

  it('appends the raw output to a private log file that outlives the session', async () => {
    const dir = await cleanup.tempDir();
    const logFile = join(dir, 'logs', 'nested', 'agent.log');
    const { session, output } = await startFakeAgent([], {}, { logFile });
    await output.waitFor(question);
    await session.stop({ graceMs: 2000 });
    const log = await readFile(logFile, 'utf8');
    expect(log).toBe(output.text());
    expect(log).toContain('\x1b[32m');
    expect((await stat(logFile)).mode & 0o777).toBe(0o600);
  });

  it('rejects a missing working directory before spawning anything', async () => {
    const dir = await cleanup.tempDir();
    expect(() => PtySession.spawn(fakeAgentLaunch(join(dir, 'no-worktree')))).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(existsSync(join(dir, 'no-worktree'))).toBe(false);
  });
});
