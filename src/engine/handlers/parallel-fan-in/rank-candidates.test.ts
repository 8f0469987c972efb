import { describe, expect, it } from 'vitest';
import type { StageStatus } from '../../../core/events.js';
import type { ParallelResult } from '../parallel/parallel-results.js';
import { rankCandidates } from './rank-candidates.js';

function candidate(id: string, status: StageStatus, score: number | null = null): ParallelResult {
  return { id, status, notes: null, failure_reason: null, last_node: id, score, context_updates: {} };
}

describe('rankCandidates', () => {
  it.each<[string, ParallelResult[], string[]]>([
    ['status first', [candidate('a', 'fail'), candidate('b', 'partial_success'), candidate('c', 'success'), candidate('d', 'retry'), candidate('e', 'skipped')], ['c', 'b', 'd', 'a', 'e']],
    ['then higher score', [candidate('a', 'success', 0.2), candidate('b', 'success', 0.9)], ['b', 'a']],
    ['a score beats no score', [candidate('a', 'success'), candidate('b', 'success', 0)], ['b', 'a']],
    ['then id', [candidate('b', 'success'), candidate('a', 'success')], ['a', 'b']],
    ['status beats score', [candidate('a', 'partial_success', 1), candidate('b', 'success', 0)], ['b', 'a']],
  ])('%s', (_name, results, order) => {
    expect(rankCandidates(results).map((r) => r.id)).toEqual(order);
  });

  it('does not reorder its input', () => {
    const input = [candidate('b', 'success'), candidate('a', 'success')];
    rankCandidates(input);
    expect(input.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
