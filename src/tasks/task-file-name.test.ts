import { describe, expect, it } from 'vitest';
import { claimedTaskId, claimedTaskSlug, isTaskFileCandidate, nextTaskId, parseTaskFileName, taskFileName } from './task-file-name.js';

describe('task file names', () => {
  it.each([
    ['42:fix-tests.md', { id: 42, slug: 'fix-tests' }],
    ['1:a.md', { id: 1, slug: 'a' }],
    ['0:zero.md', undefined],
    ['fix-tests.md', undefined],
    ['42-fix-tests.md', undefined],
    ['42:Fix Tests.md', undefined],
    ['42:fix-tests.txt', undefined],
    ['42:.md', undefined],
  ])('parses %j → %j', (name, parsed) => {
    expect(parseTaskFileName(name)).toEqual(parsed);
  });

  it('formats what it parses', () => {
    expect(taskFileName(7, 'add-docs')).toBe('7:add-docs.md');
    expect(parseTaskFileName(taskFileName(7, 'add-docs'))).toEqual({ id: 7, slug: 'add-docs' });
  });

  it.each([
    ['7:Bad Slug.md', 7, 'Bad Slug'],
    ['x:slug.md', undefined, 'slug'],
    ['notes.md', undefined, undefined],
  ])('a malformed name %j still claims id %j and slug %j', (name, id, slug) => {
    expect(claimedTaskId(name)).toBe(id);
    expect(claimedTaskSlug(name)).toBe(slug);
  });

  it.each([
    ['1:a.md', true],
    ['notes.md', true],
    ['.1:a.md.tmp-12-1', false],
    ['.lock', false],
    ['.hidden.md', false],
    ['1:a.md.swp', false],
  ])('%j is a task file candidate: %s', (name, candidate) => {
    expect(isTaskFileCandidate(name)).toBe(candidate);
  });

  it.each([
    [[], 1],
    [['1:a.md', '3:b.md'], 4],
    [['1:a.md', '9:Broken Name.md'], 10],
    [['2:a.md', '.5:b.md.tmp-1-1', '.lock'], 3],
    [['notes.md'], 1],
  ])('next id after %j is %d', (names, id) => {
    expect(nextTaskId(names)).toBe(id);
  });
});
