import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from './closest-name.js';
import { editDistance } from './edit-distance.js';

describe('closestName', () => {
  it.each([
    ['modles', ['type', 'models', 'base_url'], 'models'],
    ['Models', ['models'], 'models'],
    ['agnet', ['direct', 'agent', 'cli'], 'agent'],
    ['xyz', ['models', 'type'], undefined],
    ['models', ['models'], undefined],
  ])('%s among %j → %s', (word, candidates, expected) => {
    expect(closestName(word, candidates)).toBe(expected);
  });

  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('phrases a suggestion, or nothing', () => {
    expect(didYouMean('modles', ['models'])).toBe(' Did you mean "models"?');
    expect(didYouMean('zzz', ['models'])).toBe('');
  });
});
