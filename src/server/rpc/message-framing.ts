/**
 * JSON-RPC messages on a byte stream, framed as the Language Server Protocol frames them (what
 * the daemon's vscode-jsonrpc side reads and writes): `Content-Length: N\r\n` and any other
 * headers, a blank line, then N bytes of UTF-8 JSON. The CLI speaks it with these few lines
 * instead of loading vscode-jsonrpc, which was a third of a cold `orchestra attach`'s own time.
 */
export function encodeMessage(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

const headerEnd = Buffer.from('\r\n\r\n', 'ascii');

/** Gathers chunks as they arrive and hands out each complete message, in order; throws on a malformed header. */
export class MessageDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): unknown[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: unknown[] = [];
    for (;;) {
      const end = this.buffered.indexOf(headerEnd);
      if (end === -1) return messages;
      const length = contentLength(this.buffered.toString('ascii', 0, end));
      const start = end + headerEnd.length;
      if (this.buffered.length < start + length) return messages;
      messages.push(JSON.parse(this.buffered.toString('utf8', start, start + length)));
      this.buffered = this.buffered.subarray(start + length);
    }
  }
}

function contentLength(headers: string): number {
  for (const line of headers.split('\r\n')) {
    const match = /^content-length:\s*(\d+)\s*$/i.exec(line);
    if (match) return Number(match[1]);
  }
  throw new Error(`a JSON-RPC message without Content-Length: ${JSON.stringify(headers)}`);
}
