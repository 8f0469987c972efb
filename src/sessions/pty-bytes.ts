import type { IPty } from 'node-pty';

/**
 * Makes `pty.onData` hand over the bytes as read, not text: the daemon's mirror parses bytes and
 * its log stores them, so decoding every chunk into a string (and encoding it back for the log)
 * was work and garbage for nothing while no terminal is attached (bench/tasks.js).
 * node-pty has no option for it that keeps the PTY's IUTF8 flag (it sets the flag only with
 * `encoding: 'utf8'`, which also decodes), so this takes the decoder off its read stream, a
 * stream.Readable. Returns false, changing nothing, where that stream is not what this expects:
 * the chunks then stay strings, which every reader of them still takes.
 */
export function readPtyBytes(pty: IPty): boolean {
  const socket = (pty as unknown as { _socket?: { _readableState?: { decoder?: unknown; encoding?: unknown } } })._socket;
  const state = socket?._readableState;
  if (state === undefined || typeof state.decoder !== 'object' || state.decoder === null || state.encoding !== 'utf8') return false;
  state.decoder = null;
  state.encoding = null;
  return true;
}
