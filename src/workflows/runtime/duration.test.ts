import { describe, expect, it } from 'vitest';
import { timeout, toDuration } from './duration.js';

describe('timeout', () => {
  const cases: Array<[string | number, number, string]> = [
    ['30m', 1_800_000, '30m'],
    ['2h', 7_200_000, '2h'],
    ['250ms', 250, '250ms'],
    [1500, 1500, '1500ms'],
  ];
  for (const [input, ms, text] of cases) {
    it(`issue 11: ${JSON.stringify(input)} is ${ms} ms`, () => {
      expect(toDuration(input, 'sla')).toEqual({ kind: 'duration', ms, text });
    });
  }

  it('issue 11: text that is not a duration is E_DURATION naming what it was for', () => {
    expect(() => timeout('half an hour')).toThrow(expect.objectContaining({ code: 'E_DURATION', message: 'Expected timeout to be a duration such as 250ms, 30s, 15m, 2h or 1d, got "half an hour".' }));
    expect(() => toDuration(-5, 'sleep')).toThrow(expect.objectContaining({ code: 'E_DURATION' }));
    expect(toDuration(timeout('1d'), 'sla').ms).toBe(86_400_000);
  });
});
