import { describe, expect, it } from 'vitest';
import { trimOutput } from './trim-output.js';

describe('trimOutput', () => {
  it.each([
    ['short text as is, trailing space removed', 'ok\n\n', 20, 'ok'],
    ['the tail from a line start, saying how much was cut', 'line one\nline two\nline three', 12, '[... 18 earlier characters cut]\nline three'],
    ['the plain tail when no line starts near its beginning', 'x'.repeat(30), 10, `[... 20 earlier characters cut]\n${'x'.repeat(10)}`],
  ])('%s', (_name, text, max, expected) => {
    expect(trimOutput(text, max)).toBe(expected);
  });
});
