import { describe, expect, it } from 'vitest';
import { axisTicks, stepZoom, timelineOf } from './timeline';

const record = (index: number, nodeId: string, startedAt: number, finishedAt?: number, attempt = 1) => ({
  index, nodeId, attempt, status: finishedAt === undefined ? 'running' : 'success', handler: 'tool', startedAt, ...(finishedAt !== undefined && { finishedAt }),
});

describe('issue 15: the run timeline', () => {
  it('puts each visit of a node on its row, from the first start, a running one up to now', () => {
    const timeline = timelineOf([record(2, 'b', 1300, 1500), record(1, 'a', 1000, 1200), record(3, 'b', 1600, 1700, 2), record(4, 'c', 1800)], 2000);
    expect(timeline.rows.map((row) => [row.nodeId, row.bars.map((bar) => [bar.start, bar.end, bar.attempt])])).toEqual([
      ['a', [[0, 200, 1]]],
      ['b', [[300, 500, 1], [600, 700, 2]]],
      ['c', [[800, 1000, 1]]],
    ]);
    expect(timeline.span).toBe(1000);
    expect(timeline.rows[2]!.bars[0]!.running).toBe(true);
  });

  it('has a span of at least 1 ms with no nodes', () => {
    expect(timelineOf([], 5)).toMatchObject({ rows: [], span: 1 });
  });

  it.each([
    [1, 1, 2],
    [1, -1, 0.5],
    [32, 1, 32],
    [0.25, -1, 0.25],
    [3, 1, 8],
  ] as const)('zoom %d stepped %d is %d', (zoom, direction, expected) => {
    expect(stepZoom(zoom, direction)).toBe(expected);
  });

  it.each([
    [1000, 5, [0, 200, 400, 600, 800, 1000]],
    [95, 4, [0, 50]],
  ])('ticks across %d ms (about %d)', (span, count, expected) => {
    expect(axisTicks(span, count)).toEqual(expected);
  });
});
