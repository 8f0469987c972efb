import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const binPath = `${root}bin/orchestra.js`;

/** The e2e tests run the built CLI, its bundle (dist/bundle/); `npm test` builds first. */
export function assertBuilt(): void {
  const bundle = `${root}dist/bundle/orchestra.js`;
  if (!existsSync(bundle)) {
    throw new Error('dist/bundle/orchestra.js is missing: run `npm run build` (tsc, then the bundle) before the CLI e2e tests.');
  }
  // tsc alone (npx tsc -p tsconfig.build.json) leaves the bundle behind the source it just compiled.
  const compiled = `${root}dist/cli/main.js`;
  if (existsSync(compiled) && statSync(compiled).mtimeMs > statSync(bundle).mtimeMs) {
    throw new Error('dist/bundle/ is older than dist/: run `npm run build` (tsc, then the bundle), not tsc alone, before the CLI e2e tests.');
  }
}

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout contains `pattern` (a line-by-line check for JSON streams is up to the caller). */
  waitForStdout(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or 128 + signal number) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `node bin/orchestra.js <argv>` as the leader of its own process group, so a test can
 * kill it together with everything it started (`process.kill(-pid)`).
 */
export function spawnCli(argv: readonly string[], options: { cwd: string; home: string; env?: Record<string, string>; stdin?: number }): Spawned {
  const child = spawn(process.execPath, [binPath, ...argv], {
    cwd: options.cwd,
    // ORCHESTRA_HTTP_PORT=0: a daemon this CLI starts never fights another for the default port.
    env: { ...process.env, ORCHESTRA_HOME: options.home, NO_COLOR: '1', ORCHESTRA_HTTP_PORT: '0', ...options.env },
    // `stdin`: a file descriptor the child reads instead of a pipe (e.g. /dev/null opened by the test).
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const watcher of [...watchers]) watcher();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const watcher of [...watchers]) watcher();
      resolve({ code, signal });
    });
  });
  let closed = false;
  void exited.then(() => (closed = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStdout(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = typeof pattern === 'string' ? out.includes(pattern) : pattern.test(out);
          if (found) {
            done();
            resolve(out);
          } else if (closed) {
            done();
            reject(new Error(`Process exited before printing ${String(pattern)}.\nstdout:\n${out}\nstderr:\n${err}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${String(pattern)}.\nstdout:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        watchers.add(check);
        check();
      });
    },
  };
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runBin(argv: readonly string[], options: { cwd: string; home: string; env?: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const spawned = spawnCli(argv, options);
  spawned.child.stdin?.end();
  const { code } = await spawned.exited;
  return { code, stdout: spawned.stdout(), stderr: spawned.stderr() };
}

/** Polls `probe` until it returns a value, failing after `timeoutMs`: for state outside our process (files, the store). */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Kills a process group, ignoring one that is already gone. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** A line of `--json` output that is the event `type` for `node`. */
export const eventLine = (type: string, node: string): RegExp => new RegExp(`^(?=.*"type":"${type.replace('.', '\\.')}")(?=.*"node":"${node}").*$`, 'm');
