import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.js';
import { latestVisitFiles, turnsOf } from './node-detail.js';

const base = { runId: 'r', at: 1 };
const turn = (seq: number, node: string, turnNo: number, commits?: Record<string, string>): RunEvent => ({
  ...base, seq, type: 'agent.turn', node, turn: turnNo, inputTokens: 1, outputTokens: 2, costUsd: 0.5, toolCalls: [{ name: 'Bash', isError: false, skippedByHook: false }], ...(commits && { commits }),
});

describe('issue 15: a node panel reads the latest visit and its turns', () => {
  it.each([
    { files: ['a/prompt.md'], want: 'a/prompt.md' },
    { files: ['a/prompt.md', 'restart-2/a/prompt.md', 'restart-1/a/prompt.md'], want: 'restart-2/a/prompt.md' },
    { files: ['a/visits/1/prompt.md', 'a/prompt.md'], want: 'a/prompt.md' },
    { files: ['ab/prompt.md', 'b/a/prompt.md'], want: undefined },
  ])('picks $want among $files', ({ files, want }) => {
    const found = latestVisitFiles(files.map((path) => ({ path, content: path })), 'a');
    expect(found.get('prompt.md')).toBe(want);
  });

  it('gives each turn the heads before it: the workspace at first, then the previous turn', () => {
    const events: RunEvent[] = [
      { ...base, seq: 1, type: 'workspace.opened', repos: { app: { branch: 'b', path: '/w/app', sha: 'aaaaaaa' } }, resumed: false },
      turn(2, 'impl', 1, { app: 'bbbbbbb' }),
      turn(3, 'other', 1, { app: 'ccccccc' }),
      turn(4, 'impl', 2, { app: 'ddddddd' }),
      turn(5, 'impl', 3),
    ];
    const turns = turnsOf(events, 'impl');
    expect(turns.map((t) => [t.turn, t.previousCommits?.app, t.commits?.app])).toEqual([[1, 'aaaaaaa', 'bbbbbbb'], [2, 'ccccccc', 'ddddddd'], [3, undefined, undefined]]);
    expect(turns[0]).toMatchObject({ costUsd: 0.5, toolCalls: [{ name: 'Bash', isError: false }] });
  });
});
