import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentLaunch } from './agent-launch.js';
import { readProcStat, isLiveState } from './proc-stat.js';
import { isSameProcess, processStartTime } from './process-identity.js';
import type { PtySession } from './pty-session.js';

/** Shared by the session tests only: real PTYs, real processes, deadlines instead of sleeps. */
export const fakeAgent = fileURLToPath(new URL('../../test/support/fake-agent.mjs', import.meta.url));
export const deadlineMs = 15_000;

export function fakeAgentLaunch(cwd: string, args: string[] = [], env: Record<string, string> = {}): AgentLaunch {
  return {
    command: process.execPath,
    args: [fakeAgent, ...args],
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, FAKE_AGENT_WORK_MS: '60', ...env },
  };
}

/** Everything a session printed since `recordOutput` was called, and a way to wait for a piece of it. */
export function recordOutput(session: PtySession): { text(): string; waitFor(needle: string | RegExp, timeoutMs?: number): Promise<string> } {
  let text = '';
  session.onOutput((data) => (text += data));
  const has = (needle: string | RegExp) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text));
  return {
    text: () => text,
    waitFor(needle, timeoutMs = deadlineMs) {
      return new Promise((resolve, reject) => {
        if (has(needle)) return resolve(text);
        const timer = setTimeout(() => finish(new Error(`no ${String(needle)} within ${timeoutMs} ms; output so far:\n${text}`)), timeoutMs);
        const offOutput = session.onOutput(() => has(needle) && finish());
        const offExit = session.onExit((exit) => finish(has(needle) ? undefined : new Error(`agent exited (${JSON.stringify(exit)}) before ${String(needle)}; output:\n${text}`)));
        function finish(error?: Error) {
          clearTimeout(timer);
          offOutput();
          offExit();
          if (error) reject(error);
          else resolve(text);
        }
      });
    },
  };
}

/** Alive and not a zombie (this machine's PID 1 never reaps orphans, so zombies linger). */
export function isRunning(pid: number): boolean {
  const stat = readProcStat(pid);
  return stat !== undefined && isLiveState(stat.state);
}

/** Resolves when `condition` holds; for process states that raise no event. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = deadlineMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Temp dirs, sessions and stray pids made by a test, all removed in afterEach. */
export function createCleanup() {
  const dirs: string[] = [];
  const sessions: PtySession[] = [];
  const pids: { pid: number; startTime: string | undefined }[] = [];
  return {
    async tempDir(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'orchestra-sessions-'));
      dirs.push(dir);
      return dir;
    },
    session<T extends PtySession>(session: T): T {
      sessions.push(session);
      return session;
    },
    pid(pid: number): number {
      pids.push({ pid, startTime: processStartTime(pid) });
      return pid;
    },
    async run(): Promise<void> {
      await Promise.all(sessions.splice(0).map((session) => session.stop({ graceMs: 500 })));
      for (const { pid, startTime } of pids.splice(0)) {
        if (!isSameProcess(pid, startTime)) continue;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
