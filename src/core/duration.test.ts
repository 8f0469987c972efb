import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, tryParseDuration } from './duration.js';

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['900s', 900_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    [' 30s ', 30_000],
    ['1.5s', 1_500],
  ])('%j is %d ms', (text, ms) => {
    expect(tryParseDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '10', '10 s', 's', '5w'])('%j is not a duration', (text) => {
    expect(tryParseDuration(text)).toBeUndefined();
  });

  it('parseDuration names what was expected and the value it got', () => {
    expect(() => parseDuration('soon', 'the timeout')).toThrow('Expected the timeout to be a duration such as 250ms, 30s, 15m, 2h or 1d, got "soon".');
    expect(() => parseDuration('-5s')).toThrow(expect.objectContaining({ code: 'E_DURATION' }));
  });

  it.each([
    [5, '5ms'],
    [1_234, '1.2s'],
    [61_000, '1m01s'],
    [3_725_000, '1h02m05s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
