import { describe, expect, it } from 'vitest';
import { recentStages } from './recent-stages.js';

const all = () => true;

describe('issue 9: recentStages', () => {
  it.each([
    [[], [], 0],
    [['a'], ['a'], 1],
    [['a', 'b', 'a', 'c'], ['c', 'a', 'b'], 3],
    [['x', 'y', 'x', 'y', 'x'], ['x', 'y'], 2],
  ])('%j gives %j newest first, %d distinct', (history, ids, distinct) => {
    expect(recentStages(history, all)).toEqual({ ids, distinct });
  });

  it('stops where keep says, and counts what it did not read', () => {
    const history = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    expect(recentStages(history, (_, taken) => taken < 3)).toEqual({ ids: ['n999', 'n998', 'n997'], distinct: 1000 });
  });

  it('follows a history appended to between calls, including loops that revisit nodes', () => {
    const history = ['start'];
    for (let i = 0; i < 500; i++) {
      history.push('work', 'check');
      expect(recentStages(history, all).ids).toEqual(['check', 'work', 'start']);
    }
    history.push('done');
    expect(recentStages(history, all)).toEqual({ ids: ['done', 'check', 'work', 'start'], distinct: 4 });
  });

  it('reads only the entries it returns, however long the history (no walk over it)', () => {
    const history = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    recentStages(history, all);
    let calls = 0;
    history.push('last');
    recentStages(history, (_, taken) => (calls++, taken < 5));
    expect(calls).toBe(6);
  });
});
