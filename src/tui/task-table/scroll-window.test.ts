import { describe, expect, it } from 'vitest';
import { scrollWindow } from './scroll-window.js';

describe('scrollWindow', () => {
  it.each([
    ['everything fits', 5, 4, 10, { start: 0, end: 5 }],
    ['exactly fits', 10, 9, 10, { start: 0, end: 10 }],
    ['focus near the top', 100, 2, 10, { start: 0, end: 10 }],
    ['focus in the middle is centred', 100, 50, 10, { start: 45, end: 55 }],
    ['focus at the bottom', 100, 99, 10, { start: 90, end: 100 }],
    ['no room still shows the focus', 100, 42, 0, { start: 42, end: 43 }],
    ['no infinite window', 3, 1, Number.POSITIVE_INFINITY, { start: 0, end: 3 }],
  ])('%s', (_name, count, focus, height, expected) => {
    const window = scrollWindow(count, focus, height);
    expect(window).toEqual(expected);
    expect(focus).toBeGreaterThanOrEqual(window.start);
    expect(focus).toBeLessThan(window.end);
  });
});
