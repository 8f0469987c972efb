import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { CliIo, SignalSource } from '../cli-io.js';
import { main } from '../main.js';

/** A captured output stream; `text()` is everything written so far. */
export class CapturedOutput extends Writable {
  private chunks: string[] = [];
  private watchers = new Set<() => void>();

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    for (const listener of [...this.watchers]) listener();
    callback();
  }

  text(): string {
    return this.chunks.join('');
  }

  /** Resolves once the output contains `pattern`; rejects after `timeoutMs` showing what was written. */
  waitFor(pattern: string | RegExp, timeoutMs = 20_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const text = this.text();
        const found = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
        if (!found) return false;
        cleanup();
        resolve(text);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for ${String(pattern)} in output:\n${this.text()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.watchers.delete(check);
      };
      if (!check()) this.watchers.add(check);
    });
  }
}

export interface CliRunOptions {
  cwd: string;
  home: string;
  env?: Record<string, string>;
  stdin?: NodeJS.ReadableStream;
  signals?: SignalSource;
  stdout?: CapturedOutput;
  stderr?: CapturedOutput;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `orchestra <argv>` in this process with captured output and ORCHESTRA_HOME = `home`. */
export async function runCli(argv: readonly string[], options: CliRunOptions): Promise<CliResult> {
  const stdout = options.stdout ?? new CapturedOutput();
  const stderr = options.stderr ?? new CapturedOutput();
  const stdin = options.stdin ?? endedInput();
  const io: CliIo = {
    stdin,
    stdout,
    stderr,
    env: { ORCHESTRA_HOME: options.home, ...options.env },
    cwd: options.cwd,
    ...(options.signals && { signals: options.signals }),
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function endedInput(): NodeJS.ReadableStream {
  const input = new PassThrough();
  input.end();
  return input;
}

export interface Workspace {
  dir: string;
  home: string;
  /** Writes `content` to `<dir>/<name>` and returns the absolute path. */
  write(name: string, content: string): string;
  remove(): void;
}

/** A temp directory for pipeline files with its own ORCHESTRA_HOME inside. */
export function createWorkspace(prefix = 'orchestra-cli-'): Workspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    home: join(dir, 'home'),
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Replaces durations such as `12ms`, `1.2s`, `1m01s` with `<t>`, for exact comparisons. */
export function normalizeDurations(text: string): string {
  return text.replace(/\b\d+(?:\.\d+)?(?:ms|s)\b|\b\d+m\d{2}s\b|\b\d+h\d{2}m\d{2}s\b/g, '<t>');
}
