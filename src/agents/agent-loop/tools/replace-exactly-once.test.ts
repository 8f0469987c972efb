import { describe, expect, it } from 'vitest';
import { replaceExactlyOnce } from './replace-exactly-once.js';

describe('replaceExactlyOnce', () => {
  it.each<[string, string, string, string]>([
    ['one two', 'two', '2', 'one 2'],
    ['a\n  b\n', '  b', '\tb', 'a\n\tb\n'],
    ['$&', '$&', '$1', '$1'],
  ])('in %j replaces %j', (text, oldString, newString, expected) => {
    expect(replaceExactlyOnce(text, oldString, newString, 'f')).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    ['abc', 'x', 'old_string was not found in "f"', 'Quote the text exactly as it is in the file, whitespace included; read_file shows it.'],
    ['aXaXa', 'a', 'old_string appears 3 times in "f"', 'Include more of the surrounding text so that it appears exactly once.'],
    ['abc', '', 'edit of "f" has an empty old_string', 'Quote the exact text to replace; use write_file to create a file.'],
  ])('rejects %j / %j', (text, oldString, message, hint) => {
    expect(() => replaceExactlyOnce(text, oldString, 'y', 'f')).toThrow(expect.objectContaining({ code: 'E_USAGE', message, hint }));
  });
});
