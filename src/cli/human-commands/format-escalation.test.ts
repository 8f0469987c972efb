import { describe, expect, it } from 'vitest';
import { formatEscalation } from './format-escalation.js';

const minute = 60_000;
const chain = [
  { afterMs: 30 * minute, reassign: { kind: 'group' as const, id: 'leads' }, priority: 'high' as const, notify: ['ops'] },
  { afterMs: 45 * minute, remind: { everyMs: 10 * minute } },
  { afterMs: 60 * minute, final: { kind: 'answer' as const, answer: { choice: 'hold' } } },
];

describe('issue 10: inbox show lists the escalation chain', () => {
  it.each<[string, number, string[]]>([
    ['before anything fired', 0, ['next ', 'later', 'later']],
    ['after the first step', 1, ['fired', 'next ', 'later']],
    ['after the whole chain', 3, ['fired', 'fired', 'fired']],
  ])('%s', (_name, step, states) => {
    const lines = formatEscalation({ createdAt: 0, escalation: { step }, escalationChain: chain });
    expect(lines.slice(0, 2)).toEqual(['', 'escalation:']);
    expect(lines.slice(2).map((line) => line.slice(2, 7))).toEqual(states);
    expect(lines[2]).toMatch(/after 30m00s \(.+\): notify ops, reassign to group:leads, priority high$/);
    expect(lines[3]).toMatch(/after 45m00s \(.+\): remind every 10m00s$/);
    expect(lines[4]).toMatch(/after 1h00m00s \(.+\): answer \{"choice":"hold"\}$/);
  });

  it('issue 10: a task without a chain shows no escalation section', () => {
    expect(formatEscalation({ createdAt: 0, escalation: { step: 0 } })).toEqual([]);
  });
});
