import { describe, expect, it } from 'vitest';
import { truncateForModel } from './truncate-output.js';

describe('truncateForModel', () => {
  it('leaves short text alone', () => {
    expect(truncateForModel('abc', 10)).toBe('abc');
  });
  it('keeps head and tail with a marker naming what was left out', () => {
    expect(truncateForModel('0123456789ABCDEFGHIJ', 10)).toBe('01234\n[... 10 characters omitted; the full output is in the turn log ...]\nFGHIJ');
  });
});
