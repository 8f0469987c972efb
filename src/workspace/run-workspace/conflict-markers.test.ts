import { describe, expect, it } from 'vitest';
import { hasConflictMarkers } from './conflict-markers.js';

describe('issue 14: conflict markers left in a file', () => {
  it.each([
    ['a resolved file', 'one\ntwo\n', false],
    ['an opening marker', 'x\n<<<<<<< HEAD\na\n', true],
    ['a closing marker', 'a\n>>>>>>> orchestra/b--fan-1\n', true],
    ['a bare closing marker', 'a\n>>>>>>>\n', true],
    ['a Markdown underline', 'Title\n=======\n', false],
    ['markers inside a line', 'text <<<<<<< HEAD\n', false],
    ['eight angle brackets', '<<<<<<<< not a marker\n', false],
  ])('%s', (_name, text, expected) => {
    expect(hasConflictMarkers(text)).toBe(expected);
  });
});
