import { closeSync, fchmodSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactFields } from './redact-fields.js';
import { PRIVATE_FILE_MODE, makePrivateDirSync } from '../../core/private-files.js';

/** The daemon's own log: one line per entry. Fields named like a secret are redacted. */
export interface DaemonLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  close(): void;
}

export type DaemonLogLevel = 'info' | 'warn' | 'error';

/**
 * Appends `2025-01-02T03:04:05.678Z INFO message {"json":"fields"}` lines to `file` (mode 0600,
 * created with its directory). Writes are synchronous: a line logged just before a crash is on disk.
 */
export function createDaemonLog(file: string, o: { now?: () => Date } = {}): DaemonLog {
  makePrivateDirSync(dirname(file));
  let fd: number | undefined = openSync(file, 'a', PRIVATE_FILE_MODE);
  // The file may predate us with looser permissions; it can hold paths and task names.
  fchmodSync(fd, PRIVATE_FILE_MODE);
  const now = o.now ?? (() => new Date());
  function write(level: DaemonLogLevel, message: string, fields?: Record<string, unknown>): void {
    if (fd === undefined) return;
    writeSync(fd, formatLogLine(now(), level, message, fields));
  }
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/** One log line, newline included; newlines inside the message are escaped so an entry stays one line. */
export function formatLogLine(time: Date, level: DaemonLogLevel, message: string, fields?: Record<string, unknown>): string {
  const text = message.replace(/\r?\n/g, '\\n');
  const json = fields && Object.keys(fields).length > 0 ? ` ${safeJson(redactFields(fields))}` : '';
  return `${time.toISOString()} ${level.toUpperCase()} ${text}${json}\n`;
}

/** The last `lines` lines of the log, for error messages; empty when there is no log yet. */
export function readLogTail(file: string, lines = 20): string {
  let text: string;
  try {
    text = readTail(file, tailBytes);
  } catch {
    return '';
  }
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

// Enough for the last lines of any log; the log itself may be large.
const tailBytes = 64 * 1024;

function readTail(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  } catch (error) {
    return JSON.stringify({ unloggable: (error as Error).message });
  }
}
