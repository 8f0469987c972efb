import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { isSameProcess, killProcessGroup, processStartTime } from './process-identity.js';
import { createCleanup, eventually, fakeAgent, isRunning } from './session-test-support.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const sleeper = 'setInterval(() => {}, 1 << 30);';
const ownerScript = `
import pty from 'node-pty';
const agent = pty.spawn(process.execPath, [process.env.FAKE_AGENT, '--spawn-child'], { cwd: process.cwd(), env: process.env });
process.stdout.write('agent ' + agent.pid + '\\n');
agent.onData((data) => { const child = /child (\\d+)/.exec(data); if (child) process.stdout.write('child ' + child[1] + '\\n'); });
`;

function start(args: string[], options: { detached: boolean; env?: Record<string, string> }): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, args, { detached: options.detached, stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...options.env } });
  if (child.pid === undefined) throw new Error('spawn failed');
  cleanup.pid(child.pid);
  return child as ChildProcess & { pid: number };
}

/** Collects a child's stdout until `pattern` matches. */
async function waitForStdout(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let text = '';
  for await (const chunk of child.stdout ?? []) {
    text += String(chunk);
    const match = pattern.exec(text);
    if (match) return match;
  }
  throw new Error(`stdout ended without ${String(pattern)}: ${text}`);
}

describe('processStartTime and isSameProcess', () => {
  it('know a live process by pid and start time', () => {
    const startTime = processStartTime(process.pid);
    expect(startTime).toMatch(/^\d+$/);
    expect(isSameProcess(process.pid, startTime)).toBe(true);
    // The same pid with another start time is another process that got the pid later.
    expect(isSameProcess(process.pid, String(Number(startTime) + 1))).toBe(false);
    expect(isSameProcess(process.pid, undefined)).toBe(false);
  });

  it('report a process that exited as gone', async () => {
    const child = start(['-e', ''], { detached: false });
    const startTime = processStartTime(child.pid);
    await once(child, 'exit');
    expect(processStartTime(child.pid)).toBeUndefined();
    expect(isSameProcess(child.pid, startTime)).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('reject the pid %s', (pid) => {
    expect(processStartTime(pid)).toBeUndefined();
    expect(isSameProcess(pid, '1')).toBe(false);
  });
});

describe('killProcessGroup', () => {
  it('clears an agent orphaned when the process owning its PTY is killed with -9', async () => {
    // A stand-in daemon: owns the PTY, prints the agent's pid, then is killed without cleanup.
    const owner = start(['--input-type=module', '-e', ownerScript], { detached: true, env: { FAKE_AGENT: fakeAgent, FAKE_AGENT_IGNORE_SIGHUP: '1', FAKE_AGENT_WORK_MS: '0' } });
    const text = (await waitForStdout(owner, /agent (\d+)[^]*child (\d+)/))[0];
    const [agent, child] = [/agent (\d+)/, /child (\d+)/].map((pattern) => cleanup.pid(Number(pattern.exec(text)?.[1])));
    const agentStart = processStartTime(agent!);
    process.kill(owner.pid, 'SIGKILL');
    await once(owner, 'exit');
    // The PTY hung up, but an agent ignoring SIGHUP lives on: exactly the orphan a restarted daemon finds.
    expect(isSameProcess(agent!, agentStart)).toBe(true);
    expect(await killProcessGroup(agent!, agentStart, { graceMs: 300 })).toBe(true);
    expect(isRunning(agent!)).toBe(false);
    await eventually(() => !isRunning(child!), `child ${child} to die`);
  });

  it('falls back to SIGKILL for an orphan and its child that ignore SIGTERM', async () => {
    const agent = start([fakeAgent, '--spawn-child'], { detached: true, env: { FAKE_AGENT_IGNORE_SIGHUP: '1', FAKE_AGENT_WORK_MS: '0' } });
    const child = cleanup.pid(Number((await waitForStdout(agent, /child (\d+)/))[1]));
    const exited = once(agent, 'exit');
    expect(await killProcessGroup(agent.pid, processStartTime(agent.pid), { graceMs: 300 })).toBe(true);
    expect((await exited)[1]).toBe('SIGKILL');
    await eventually(() => !isRunning(child), `child ${child} to die`);
  });

  it('ends a cooperative group with SIGTERM alone', async () => {
    const agent = start(['-e', sleeper], { detached: true });
    const exited = once(agent, 'exit');
    expect(await killProcessGroup(agent.pid, processStartTime(agent.pid), { graceMs: 10_000 })).toBe(true);
    expect((await exited)[1]).toBe('SIGTERM');
  });

  it('leaves a process alone when its start time does not match (the pid was reused)', async () => {
    const other = start(['-e', sleeper], { detached: true });
    const startTime = processStartTime(other.pid);
    expect(await killProcessGroup(other.pid, String(Number(startTime) + 1), { graceMs: 100 })).toBe(false);
    expect(isSameProcess(other.pid, startTime)).toBe(true);
  });

  it('returns false for a process that is already gone', async () => {
    const gone = start(['-e', ''], { detached: true });
    const startTime = processStartTime(gone.pid);
    await once(gone, 'exit');
    expect(await killProcessGroup(gone.pid, startTime)).toBe(false);
  });

  it('signals only the process, not its group, when it does not lead one', async () => {
    // This child shares the test runner's group: killing the group would take the runner down.
    const child = start(['-e', sleeper], { detached: false });
    const exited = once(child, 'exit');
    expect(await killProcessGroup(child.pid, processStartTime(child.pid), { graceMs: 10_000 })).toBe(true);
    expect((await exited)[1]).toBe('SIGTERM');
    expect(isRunning(process.pid)).toBe(true);
  });
});
