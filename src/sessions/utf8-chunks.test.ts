import { describe, expect, it } from 'vitest';
import { Utf8Chunks, unfinishedTail } from './utf8-chunks.js';

const bytes = (...values: number[]) => Buffer.from(values);

describe('unfinishedTail', () => {
  it.each([
    ['empty', bytes(), 0],
    ['ascii', Buffer.from('abc'), 0],
    ['a whole 2-byte character', Buffer.from('aé'), 0],
    ['the first byte of é', bytes(0x61, 0xc3), 1],
    ['the first byte of €', bytes(0x61, 0xe2), 1],
    ['two bytes of €', bytes(0x61, 0xe2, 0x82), 2],
    ['a whole €', Buffer.from('a€'), 0],
    ['three bytes of 😀', bytes(0x61, 0xf0, 0x9f, 0x98), 3],
    ['a whole 😀', Buffer.from('a😀'), 0],
    ['a stray continuation byte', bytes(0x61, 0x80), 0],
    ['an invalid lead byte', bytes(0x61, 0xf8), 0],
  ])('issue 9: %s -> %i', (_name, input, expected) => {
    expect(unfinishedTail(input)).toBe(expected);
  });
});

describe('Utf8Chunks', () => {
  const text = 'a é € 😀 z';
  const all = Buffer.from(text);

  it('issue 9: decodes a text split anywhere, in two or three chunks, back to the same text', () => {
    for (let i = 0; i <= all.length; i++) {
      for (let j = i; j <= all.length; j++) {
        const chunks = new Utf8Chunks();
        const decoded = [all.subarray(0, i), all.subarray(i, j), all.subarray(j)].map((chunk) => chunks.decode(chunk)).join('');
        expect(decoded, `split at ${i} and ${j}`).toBe(text);
      }
    }
  });

  it('issue 9: after skipped chunks, decoding starts at the character the skipped bytes left unfinished', () => {
    for (let i = 0; i <= all.length; i++) {
      for (let j = i; j <= all.length; j++) {
        const chunks = new Utf8Chunks();
        chunks.skip(all.subarray(0, i));
        chunks.skip(all.subarray(i, j));
        const decoded = chunks.decode(all.subarray(j));
        // The text from the first character that did not end before j.
        let start = j;
        while (start > 0 && start < all.length && ((all[start] as number) & 0xc0) === 0x80) start--;
        expect(decoded, `skipped up to ${j}`).toBe(all.subarray(start).toString('utf8'));
      }
    }
  });

  it('issue 9: invalid bytes decode as they would in one piece (U+FFFD), without holding anything back', () => {
    const chunks = new Utf8Chunks();
    expect(chunks.decode(bytes(0x61, 0xff))).toBe('a\ufffd');
    expect(chunks.decode(Buffer.from('b'))).toBe('b');
  });
});
