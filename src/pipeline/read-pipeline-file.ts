import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../core/errors.js';

/**
 * The largest pipeline file read (10 MiB). A 10,000-node pipeline is about 1 MB; past the limit a
 * file is a mistake (a log, an image, /dev/zero) that would otherwise be read whole into memory.
 * Documented in docs/pipelines.md.
 */
export const maxPipelineFileBytes = 10 * 1024 * 1024;

/**
 * Reads a DOT file. Missing → E_FILE_NOT_FOUND; anything but a regular file (a directory, a FIFO, a
 * device), a file over maxPipelineFileBytes, or unreadable → E_FILE_READ. The file is opened
 * non-blocking and checked with fstat before any read: opening or reading a FIFO would otherwise
 * wait for a writer forever. `shownAs` is the name messages use (default `file`).
 */
export async function readPipelineFile(file: string, shownAs: string = file): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readError(error, shownAs);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegularFile(shownAs, stats);
    if (stats.size > maxPipelineFileBytes) throw tooLarge(shownAs, stats.size);
    // Read at most one byte past the limit, in case the file grew since fstat.
    const buffer = Buffer.alloc(Math.min(stats.size, maxPipelineFileBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxPipelineFileBytes) throw tooLarge(shownAs, length);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw readError(error, shownAs);
  } finally {
    await handle.close();
  }
}

function readError(error: unknown, shownAs: string): OrchestraError {
  if (error instanceof OrchestraError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new OrchestraError(ErrorCode.FILE_NOT_FOUND, `Pipeline file ${shownAs} does not exist.`, {
      hint: 'Check the path; it is relative to the current directory.',
      cause: error,
    });
  }
  if (code === 'EISDIR') return notRegularFile(shownAs, undefined);
  return new OrchestraError(ErrorCode.FILE_READ, `Cannot read pipeline ${shownAs}: ${(error as Error).message}`, {
    hint: code === 'EACCES' ? 'Check the file permissions.' : 'Check that the path names a readable file.',
    cause: error,
  });
}

function notRegularFile(shownAs: string, stats: Stats | undefined): OrchestraError {
  const kind = stats === undefined || stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : 'a device';
  const hint = kind === 'a directory' ? 'Name the .dot file inside it, such as pipeline.dot, or a guided workflow folder (one with an index.md).' : 'Save the pipeline to a regular .dot file and name that file.';
  return new OrchestraError(ErrorCode.FILE_READ, `Cannot read pipeline ${shownAs}: it is ${kind}, not a regular file.`, { hint });
}

function tooLarge(shownAs: string, size: number): OrchestraError {
  return new OrchestraError(ErrorCode.FILE_READ, `Cannot read pipeline ${shownAs}: it is ${size} bytes, more than the limit of ${maxPipelineFileBytes} bytes (10 MiB).`, {
    hint: 'Check that this is the pipeline file you meant; split a pipeline this large into child pipelines (type=pipeline).',
  });
}
