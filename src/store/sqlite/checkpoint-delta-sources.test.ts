import { describe, expect, it } from 'vitest';
import { withAppendSources } from '../append-sources.js';
import { t0 } from '../conformance/fixtures.case.js';
import type { Checkpoint } from '../types.js';
import { diffCheckpoint } from './checkpoint-delta.js';

function checkpoint(seq: number, completedNodes: string[], logs: string[]): Checkpoint {
  return { v: 1, seq, timestamp: t0 + seq, currentNode: 'n', nextNode: null, completedNodes, nodeOutcomes: {}, nodeRetries: {}, context: {}, logs, loopRestarts: 0 };
}

describe('checkpoint deltas from append-only sources', () => {
  const live = ['a', 'b', 'c'];
  const other = ['x'];
  // `before`'s first item differs from `after`'s: only a delta taken by length (same source) accepts it.
  const cases: Array<{ name: string; beforeSource?: string[]; afterSource?: string[]; completedAdded: string[] | undefined }> = [
    { name: 'same source: the items past the earlier length, without comparing the rest', beforeSource: live, afterSource: live, completedAdded: ['c'] },
    { name: 'different sources: compared item by item (a changed item is no delta)', beforeSource: live, afterSource: other, completedAdded: undefined },
    { name: 'no sources (not built by the engine): compared item by item', completedAdded: undefined },
  ];
  for (const c of cases) {
    it(`issue 9: ${c.name}`, () => {
      const before = checkpoint(1, ['z', 'b'], ['log 1']);
      const after = checkpoint(2, ['a', 'b', 'c'], ['log 1', 'log 2']);
      if (c.beforeSource) withAppendSources(before, { completedNodes: c.beforeSource, logs: c.beforeSource });
      if (c.afterSource) withAppendSources(after, { completedNodes: c.afterSource, logs: c.afterSource });
      expect(diffCheckpoint(before, after)?.completedAdded).toEqual(c.completedAdded);
    });
  }

  it('issue 9: a shorter list from the same source is no delta (not expressible as additions)', () => {
    const before = withAppendSources(checkpoint(1, ['a', 'b'], []), { completedNodes: live, logs: live });
    const after = withAppendSources(checkpoint(2, ['a'], []), { completedNodes: live, logs: live });
    expect(diffCheckpoint(before, after)).toBeUndefined();
  });

  it('issue 9: an unchanged history from one source gives empty additions', () => {
    const before = withAppendSources(checkpoint(1, ['a'], ['l']), { completedNodes: live, logs: other });
    const after = withAppendSources(checkpoint(2, ['a'], ['l']), { completedNodes: live, logs: other });
    expect(diffCheckpoint(before, after)).toMatchObject({ completedAdded: [], logsAdded: [] });
  });
});
