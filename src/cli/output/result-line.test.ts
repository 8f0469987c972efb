import { describe, expect, it } from 'vitest';
import { plainPalette } from './color.js';
import { exitCodeForEnding, formatResultLine } from './result-line.js';
import type { RunEnding } from './result-line.js';

describe('formatResultLine', () => {
  it.each<[string, RunEnding, string]>([
    [
      'completed',
      { runId: 'r1', state: 'completed', outcome: 'success', durationMs: 1234 },
      '✓ Run r1 completed (success) in 1.2s. Inspect it: orchestra runs r1 --detail',
    ],
    [
      'completed with partial success',
      { runId: 'r1', state: 'completed', outcome: 'partial_success', durationMs: 20 },
      '✓ Run r1 completed (partial_success) in 20ms. Inspect it: orchestra runs r1 --detail',
    ],
    [
      'failed at a node',
      { runId: 'r2', state: 'failed', error: { message: 'exit code 1', node: 'test' }, durationMs: 300 },
      '✗ Run r2 failed at node test after 300ms: exit code 1. Inspect it: orchestra runs r2 --detail; run it again from a checkpoint: orchestra replay r2 --checkpoint <n>',
    ],
    [
      'failed, node known only as the last node',
      { runId: 'r2', state: 'failed', error: { message: 'boom' }, durationMs: 300, lastNode: 'plan' },
      '✗ Run r2 failed at node plan after 300ms: boom. Inspect it: orchestra runs r2 --detail; run it again from a checkpoint: orchestra replay r2 --checkpoint <n>',
    ],
    [
      'failed, with the engine naming the node too',
      { runId: 'r2', state: 'failed', error: { message: 'Node "check" failed: exit code 3', node: 'check' }, durationMs: 300 },
      '✗ Run r2 failed at node check after 300ms: exit code 3. Inspect it: orchestra runs r2 --detail; run it again from a checkpoint: orchestra replay r2 --checkpoint <n>',
    ],
    [
      'interrupted',
      { runId: 'r3', state: 'interrupted', durationMs: 61_000, lastNode: 'slow' },
      '■ Run r3 interrupted at node slow after 1m01s. Resume it: orchestra resume r3',
    ],
  ])('%s', (_name, ending, expected) => {
    expect(formatResultLine(ending, plainPalette)).toBe(expected);
  });
});

describe('exitCodeForEnding', () => {
  it.each([
    ['completed', 0],
    ['failed', 1],
    ['interrupted', 130],
  ] as const)('%s → %i', (state, code) => {
    expect(exitCodeForEnding(state)).toBe(code);
  });
});
