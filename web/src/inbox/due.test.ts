import { describe, expect, it } from 'vitest';
import { dueOf } from './due';

const now = 1_000_000_000;

describe('issue 15: the SLA countdown of a human task', () => {
  it.each<[number | undefined, string, boolean]>([
    [undefined, 'no due time', false],
    [now + 29 * 60_000 + 57_400, 'due in 29m 57s', false],
    [now + 5_900, 'due in 5s', false],
    [now, 'due in 0s', false],
    [now - 1, 'overdue by 1s', true],
    [now - 3 * 60_000 - 4_000, 'overdue by 3m 4s', true],
    [now - 2 * 3_600_000, 'overdue by 2h 0m', true],
  ])('issue 15: due at %s reads %j (overdue: %s)', (dueAt, text, overdue) => {
    expect(dueOf(dueAt, now)).toEqual({ text, overdue });
  });
});
