import { describe, expect, it } from 'vitest';
import { pickFromReply, rankingPrompt } from './llm-ranking.js';

describe('pickFromReply', () => {
  const ids = ['a', 'review_b', 'review_b2'];
  it.each<[string, string, string | undefined]>([
    ['the id alone', 'review_b', 'review_b'],
    ['the first id named wins', 'review_b2 is better than review_b', 'review_b2'],
    ['whole words only', 'a', 'a'],
    ['not inside other words', 'banana and review_b', 'review_b'],
    ['punctuation around the id', 'Best: **review_b2**.', 'review_b2'],
    ['no id', 'none of them', undefined],
    ['empty reply', '', undefined],
  ])('%s: %j → %j', (_name, reply, expected) => {
    expect(pickFromReply(reply, ids)).toBe(expected);
  });
});

describe('rankingPrompt', () => {
  it('lists every candidate under the instruction', () => {
    const prompt = rankingPrompt('  Pick the most thorough review. ', [
      { id: 'a', status: 'success', notes: 'found 3\nissues', failure_reason: null, last_node: 'a', score: 0.5, context_updates: {} },
      { id: 'b', status: 'fail', notes: null, failure_reason: 'timed out', last_node: 'b', score: null, context_updates: {} },
    ]);
    expect(prompt).toBe(
      'Pick the most thorough review.\n\nCandidates:\n- a: status success; score 0.5; notes: found 3 issues\n- b: status fail; failure: timed out\n\nReply with the id of the best candidate on the first line.',
    );
  });
});
