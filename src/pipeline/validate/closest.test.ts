import { describe, expect, it } from 'vitest';
import { closestMatch } from './closest.js';

describe('closestMatch', () => {
  it.each([
    ['tol', ['codergen', 'tool', 'exit'], 'tool'],
    ['Tool', ['tool'], 'tool'],
    ['plann', ['plan', 'build'], 'plan'],
    ['bild', ['plan', 'build'], 'build'],
    ['deploy', ['tool', 'exit'], undefined],
    ['tool', ['tool'], undefined],
    ['x', [], undefined],
  ])('%j in %j → %j', (word, candidates, expected) => {
    expect(closestMatch(word, candidates)).toBe(expected);
  });
});
