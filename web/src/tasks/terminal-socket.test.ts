import { describe, expect, it } from 'vitest';
import { joined } from './terminal-socket';

describe('issue 15: the terminal writes an interval of output at once', () => {
  it.each([
    ['one chunk is itself', [[1, 2]], [1, 2]],
    ['chunks in order', [[1], [2, 3], [], [4]], [1, 2, 3, 4]],
  ])('issue 15: %s', (_name, chunks, expected) => {
    expect([...joined(chunks.map((chunk) => new Uint8Array(chunk)))]).toEqual(expected);
  });
});
