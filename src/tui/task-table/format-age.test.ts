import { describe, expect, it } from 'vitest';
import { formatAge, formatAgeSince } from './format-age.js';

describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45_000, '45s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [3 * 60_000 + 59_000, '3m'],
    [3_600_000, '1h'],
    [2 * 3_600_000 + 59 * 60_000, '2h'],
    [86_400_000, '1d'],
    [5 * 86_400_000 + 3_600_000, '5d'],
    [-5_000, '0s'],
    [Number.NaN, '0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('measures from an ISO timestamp and marks unreadable ones', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(formatAgeSince('2025-01-01T11:57:00Z', now)).toBe('3m');
    expect(formatAgeSince('yesterday-ish', now)).toBe('?');
  });
});
