import pty from 'node-pty';

export interface PtyDriver {
  /** Everything the process wrote so far. */
  output(): string;
  /** Resolves with the output once it matches `pattern` (after `from`, an offset into output()). */
  waitFor(pattern: string | RegExp, options?: { timeoutMs?: number; from?: number }): Promise<string>;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  exited: Promise<{ exitCode: number; signal?: number }>;
  kill(): void;
}

/** Runs a command in a real PTY, the way a user's terminal would: for attach and detach tests. */
export function spawnInPty(command: string, args: string[], options: { cwd: string; env: Record<string, string | undefined>; cols?: number; rows?: number }): PtyDriver {
  // node-pty turns a size of 0 into 80x24: a terminal that reports 0x0 is made by stty inside the PTY.
  if (options.cols === 0 || options.rows === 0) {
    [command, args] = ['/bin/sh', ['-c', 'stty cols "$0" rows "$1"; shift; exec "$@"', String(options.cols ?? 0), String(options.rows ?? 0), command, ...args]];
  }
  const child = pty.spawn(command, args, { cwd: options.cwd, env: options.env as Record<string, string>, cols: options.cols ?? 100, rows: options.rows ?? 30, name: 'xterm-256color' });
  let text = '';
  const watchers = new Set<() => void>();
  child.onData((data) => {
    text += data;
    for (const watcher of [...watchers]) watcher();
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit((exit) => resolve(exit)));
  return {
    output: () => text,
    write: (data) => child.write(data),
    resize: (cols, rows) => child.resize(cols, rows),
    exited,
    kill: () => {
      try {
        child.kill('SIGKILL');
      } catch {
        // gone already
      }
    },
    waitFor(pattern, { timeoutMs = 20_000, from = 0 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const seen = text.slice(from);
          if (!(typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen))) return false;
          clearTimeout(timer);
          watchers.delete(check);
          resolve(seen);
          return true;
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`timed out waiting for ${String(pattern)}; the terminal showed:\n${text.slice(from)}`));
        }, timeoutMs);
        if (!check()) watchers.add(check);
      });
    },
  };
}
