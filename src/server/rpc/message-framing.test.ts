import { describe, expect, it } from 'vitest';
import { MessageDecoder, encodeMessage } from './message-framing.js';

const framed = (body: string, headers = '') => Buffer.from(`${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

describe('issue 9: message framing', () => {
  it('encodes the body length in bytes, not characters', () => {
    expect(encodeMessage({ text: 'é→' }).toString('utf8')).toBe('Content-Length: 16\r\n\r\n{"text":"é→"}');
  });

  const whole = Buffer.concat([framed('{"id":1}'), framed('{"method":"m","params":{"data":"ü"}}', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n')]);
  it.each([
    ['in one chunk', [whole]],
    ['byte by byte', [...whole].map((byte) => Buffer.from([byte]))],
    ['split inside the header and inside a multi-byte character', [whole.subarray(0, 7), whole.subarray(7, whole.length - 5), whole.subarray(whole.length - 5)]],
  ])('decodes every message %s, in order', (_name, chunks) => {
    const decoder = new MessageDecoder();
    const messages = chunks.flatMap((chunk) => decoder.push(chunk));
    expect(messages).toEqual([{ id: 1 }, { method: 'm', params: { data: 'ü' } }]);
  });

  it('round-trips what it encodes', () => {
    expect(new MessageDecoder().push(encodeMessage({ jsonrpc: '2.0', id: 7, result: null }))).toEqual([{ jsonrpc: '2.0', id: 7, result: null }]);
  });

  it('refuses a header without Content-Length', () => {
    expect(() => new MessageDecoder().push(Buffer.from('X: 1\r\n\r\n{}'))).toThrow(/without Content-Length/);
  });
});
