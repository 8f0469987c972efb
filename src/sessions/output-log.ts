import { createWriteStream, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDirSync } from '../core/private-files.js';

/** Where an agent's raw output is appended, so `orchestra logs` can print it after the session is gone. */
export interface OutputLog {
  write(data: string): void;
  /** Flushes and closes the file; resolves even when writing failed (the session must still end). */
  close(): Promise<void>;
  /** The first write error, if any: logging stops there rather than taking the agent down with it. */
  readonly error: Error | undefined;
}

/** Opens `file` for appending, private to the user (the output may hold secrets the agent printed). */
export function openOutputLog(file: string): OutputLog {
  makePrivateDirSync(dirname(file));
  const stream: WriteStream = createWriteStream(file, { flags: 'a', mode: PRIVATE_FILE_MODE });
  let error: Error | undefined;
  stream.on('error', (cause: Error) => {
    error ??= cause;
  });
  let closing: Promise<void> | undefined;
  return {
    write(data) {
      if (error === undefined && !stream.writableEnded) stream.write(data);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
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
