import { createWriteStream, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDirSync } from '../core/private-files.js';

/** Where an agent's raw output is appended, so `orchestra logs` can print it after the session is gone. */
export interface OutputLog {
  /** Text, or bytes as read from the PTY (kept as they are: the log holds no copy of them). */
  write(data: string | Buffer): void;
  /** Resolves once everything written so far is in the file, for a reader that must see it all. */
  flushed(): Promise<void>;
  /** Flushes and closes the file; resolves even when writing failed (the session must still end). */
  close(): Promise<void>;
  /** The first write error, if any: logging stops there rather than taking the agent down with it. */
  readonly error: Error | undefined;
}

/**
 * How long output waits to be appended together. A busy agent's PTY hands over ~4 KB at a time;
 * one file write per chunk cost the daemon more CPU than parsing the chunk (bench/tasks.js), so
 * chunks are gathered for this long (or up to `flushBytes`) and written at once.
 */
export const flushEveryMs = 20;
const flushBytes = 256 * 1024;

/** Opens `file` for appending, private to the user (the output may hold secrets the agent printed). */
export function openOutputLog(file: string): OutputLog {
  makePrivateDirSync(dirname(file));
  const stream: WriteStream = createWriteStream(file, { flags: 'a', mode: PRIVATE_FILE_MODE });
  let error: Error | undefined;
  stream.on('error', (cause: Error) => {
    error ??= cause;
  });
  // Bytes, not the strings themselves: a string kept for a batch outlives young-generation GCs and
  // gets copied into the old generation; a Buffer's bytes live outside the JS heap.
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const data = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    if (error === undefined && !stream.writableEnded) stream.write(data);
  };
  let closing: Promise<void> | undefined;
  return {
    write(data) {
      if (error !== undefined || closing !== undefined) return;
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      pending.push(bytes);
      pendingLength += bytes.length;
      if (pendingLength >= flushBytes) flush();
      else timer ??= setTimeout(flush, flushEveryMs);
    },
    flushed() {
      flush();
      if (error !== undefined || stream.writableEnded) return closing ?? Promise.resolve();
      // An empty write completes after every write before it (a stream writes in order).
      return new Promise<void>((resolve) => stream.write('', () => resolve()));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        flush();
        if (stream.destroyed) return resolve();
        stream.once('close', () => resolve());
        stream.end();
      });
      return closing;
    },
    get error() {
      return error;
    },
  };
}
