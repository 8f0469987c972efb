/**
 * Turns an agent's output bytes into text chunk by chunk, only for the chunks someone reads: a
 * chunk may end inside a character, whose first bytes are held until the next chunk completes it.
 * `skip` costs a look at a chunk's last bytes; no string is made for output nobody listens to.
 */
export class Utf8Chunks {
  /** The unfinished character (1-3 bytes) the chunks so far ended with. */
  private held: Buffer = Buffer.alloc(0);

  /** The chunk's text: the held bytes first, the unfinished character at its end held back. */
  decode(chunk: Buffer): string {
    const bytes = this.take(chunk);
    const end = bytes.length - unfinishedTail(bytes);
    this.hold(bytes, end);
    return bytes.toString('utf8', 0, end);
  }

  /** Passes over a chunk nobody reads, keeping only what the next decoded chunk needs. */
  skip(chunk: Buffer): void {
    const bytes = this.take(chunk);
    this.hold(bytes, bytes.length - unfinishedTail(bytes));
  }

  private take(chunk: Buffer): Buffer {
    return this.held.length === 0 ? chunk : Buffer.concat([this.held, chunk]);
  }

  private hold(bytes: Buffer, end: number): void {
    // A copy: holding a slice would keep the whole chunk's memory alive.
    this.held = end === bytes.length ? Buffer.alloc(0) : Buffer.from(bytes.subarray(end));
  }
}

/**
 * How many bytes at the end of `bytes` start a UTF-8 character that is not complete yet (0-3).
 * Invalid bytes count as complete: decoding turns them into U+FFFD, as it would in one piece.
 */
export function unfinishedTail(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the start is further back
    const length = byte >= 0xf0 && byte < 0xf8 ? 4 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xc0 && byte < 0xe0 ? 2 : 1;
    return bytes.length - i < length ? bytes.length - i : 0;
  }
  return 0;
}
