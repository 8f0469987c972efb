import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../core/errors.js';
import { isValidSlug, suggestSlug, validateSlug } from './task-slug.js';

describe('task slugs', () => {
  it.each([
    ['fix-tests', true],
    ['a', true],
    ['v2-api', true],
    ['2fa', true],
    ['a'.repeat(60), true],
    ['a'.repeat(61), false],
    ['', false],
    ['42', false],
    ['Fix-tests', false],
    ['fix--tests', false],
    ['-fix', false],
    ['fix-', false],
    ['fix_tests', false],
    ['fix tests', false],
    ['fix:tests', false],
  ])('%j valid: %s', (slug, valid) => {
    expect(isValidSlug(slug)).toBe(valid);
  });

  it.each([
    ['Fix the Tests!', 'fix-the-tests'],
    ['  crème brûlée  ', 'creme-brulee'],
    ['fix--tests', 'fix-tests'],
    ['42', 'task-42'],
    ['???', 'task'],
    ['x'.repeat(59) + '-yyyy', 'x'.repeat(59)],
  ])('suggests %j → %j', (text, slug) => {
    expect(suggestSlug(text)).toBe(slug);
    expect(isValidSlug(suggestSlug(text))).toBe(true);
  });

  it('rejects a bad slug with the rule and a suggestion', () => {
    const error = catchError(() => validateSlug('Fix Tests'));
    expect(error).toMatchObject({ code: 'E_USAGE', hint: 'Try "fix-tests".' });
    expect(error.message).toBe(
      'invalid task slug "Fix Tests": a slug is 1–60 lowercase letters, digits and single hyphens, with no hyphen at either end, and not only digits (a number names a task by id).',
    );
  });
});

function catchError(fn: () => void): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}
