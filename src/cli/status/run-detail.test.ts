import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../../store/types.js';
import { plainPalette } from '../output/color.js';
import { formatCheckpoints, formatNodeHistory } from './run-detail.js';

const record = (over: Partial<NodeRecord>): NodeRecord => ({
  runId: 'r',
  nodeId: 'n',
  index: 1,
  attempt: 1,
  status: 'success',
  handler: 'codergen',
  startedAt: 1_000,
  finishedAt: 1_250,
  notes: undefined,
  failureReason: undefined,
  ...over,
});

describe('formatNodeHistory', () => {
  it('shows each execution with its duration and the failure reason before the notes', () => {
    expect(
      formatNodeHistory(
        [record({ nodeId: 'plan', notes: 'done' }), record({ nodeId: 'test', index: 2, status: 'fail', notes: 'n', failureReason: 'exit code 1' })],
        plainPalette,
      ),
    ).toBe(['Nodes:', '  #  NODE  ATTEMPT  STATUS   DURATION  NOTES', '  1  plan  1        success  250ms     done', '  2  test  1        fail     250ms     exit code 1'].join('\n'));
  });

  it('leaves the duration of a node still running empty', () => {
    expect(formatNodeHistory([record({ status: 'running', finishedAt: undefined })], plainPalette)).toBe(
      ['Nodes:', '  #  NODE  ATTEMPT  STATUS   DURATION  NOTES', '  1  n     1        running'].join('\n'),
    );
  });

  it('keeps notes to one short line', () => {
    const text = formatNodeHistory([record({ notes: `line one\nline two ${'x'.repeat(100)}` })], plainPalette);
    const last = text.split('\n').at(-1)!;
    expect(last).toContain('line one line two xxx');
    expect(last.endsWith('…')).toBe(true);
    expect(last.length).toBeLessThan(120);
  });

  it('says when nothing ran', () => {
    expect(formatNodeHistory([], plainPalette)).toBe('Nodes: none executed yet');
  });
});

describe('formatCheckpoints', () => {
  it('lists the checkpoints with the node each was taken after and the next node', () => {
    const text = formatCheckpoints([
      { seq: 1, currentNode: 'start', nextNode: 'plan', timestamp: 0 },
      { seq: 2, currentNode: 'exit', nextNode: null, timestamp: 0 },
    ]);
    expect(text).toMatch(/^Checkpoints:\n {2}# {2}AFTER {2}NEXT {3}SAVED\n {2}1 {2}start {2}plan {3}\S+ \S+\n {2}2 {2}exit {3}\(end\) {2}\S+ \S+$/);
  });
});
