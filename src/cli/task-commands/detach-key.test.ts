import { describe, expect, it } from 'vitest';
import { parseDetachKey } from './detach-key.js';

describe('parseDetachKey', () => {
  it.each([
    ['ctrl-]', '\u001d'],
    ['ctrl-q', '\u0011'],
    ['CTRL-Q', '\u0011'],
    ['ctrl-\\', '\u001c'],
    ['ctrl-a', '\u0001'],
  ])('%s', (spec, byte) => expect(parseDetachKey(spec)).toBe(byte));

  it.each(['q', 'ctrl-', 'ctrl-1', 'alt-x', 'ctrl-ab'])('rejects %s with a hint', (spec) => {
    expect(() => parseDetachKey(spec)).toThrow(/detach key|control code/);
  });
});
