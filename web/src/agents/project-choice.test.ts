import { describe, expect, it } from 'vitest';
import { chosenProject, projectName, tierList } from './project-choice';

describe('issue 15: the Agents page rules', () => {
  it.each([
    ['/p/b', ['/p/a', '/p/b'], '/p/b'],
    ['/p/x', ['/p/a', '/p/b'], '/p/a'],
    [null, ['/p/a'], '/p/a'],
    [null, [], undefined],
  ] as const)('asked %s of %j shows %s', (asked, served, shown) => expect(chosenProject(asked, served)).toBe(shown));

  it.each([
    ['/home/me/shop', 'shop'],
    ['/home/me/shop/', 'shop'],
    ['C:\\work\\app', 'app'],
  ])('the name of %s is %s', (path, name) => expect(projectName(path)).toBe(name));

  it('lists tiers smart, worker, cheap, then others', () => {
    expect(tierList({ cheap: 'c', fast: 'f', smart: 's', worker: 'w' })).toEqual(['smart: s', 'worker: w', 'cheap: c', 'fast: f']);
    expect(tierList({})).toEqual([]);
  });
});
