import { describe, expect, it } from 'vitest';
import { statusForActivity } from './task-status-updates.js';

describe('statusForActivity', () => {
  it.each([
    ['running', 'idle', false, 'idle'],
    ['running', 'waiting', false, 'idle'],
    ['running', 'working', false, undefined],
    ['idle', 'working', false, 'running'],
    ['idle', 'waiting', false, undefined],
    ['completed', 'working', false, undefined],
    ['completed', 'working', true, 'running'],
    ['completed', 'idle', true, undefined],
    ['reviewed', 'working', true, 'running'],
    ['stopped', 'working', true, undefined],
    ['draft', 'working', true, undefined],
  ] as const)('%s + %s (feedback %s) → %s', (current, activity, feedback, expected) => {
    expect(statusForActivity(current, activity, feedback)).toBe(expected);
  });
});
