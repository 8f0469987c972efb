import { describe, expect, it } from 'vitest';
import { isValidSlug } from '../../tasks/index.js';
import { guidedTaskSlug } from './guided-task-slug.js';

const long = 'A_VERY_LONG_STEP_NAME_THAT_GOES_ON_AND_ON_PAST_ANY_REASONABLE_LENGTH';

describe('issue 13: the slug of a guided step\'s task', () => {
  it.each([
    ['the step and the instance', 'BUILD', '0abc12eixbld', [], 'build-eixbld'],
    ['underscores become hyphens', 'REFACTOR_STEP', 'gw_0abc12eixbld', [], 'refactor-step-eixbld'],
    ['the step entered again', 'BUILD', '0abc12eixbld', ['build-eixbld'], 'build-eixbld-2'],
    ['and again', 'BUILD', '0abc12eixbld', ['build-eixbld', 'build-eixbld-2'], 'build-eixbld-3'],
    ['another instance\'s task does not count', 'BUILD', '0abc12eixbld', ['build-zzzzzz'], 'build-eixbld'],
    ['a long step name is cut to keep 60 characters', long, '0abc12eixbld', [], 'a-very-long-step-name-that-goes-on-and-on-past-any-re-eixbld'],
    ['cut further for the entry\'s number, never ending in a hyphen', long, '0abc12eixbld', ['a-very-long-step-name-that-goes-on-and-on-past-any-re-eixbld'], 'a-very-long-step-name-that-goes-on-and-on-past-any-eixbld-2'],
  ])('issue 13: %s', (_case, step, guidedId, taken, slug) => {
    const made = guidedTaskSlug(step, guidedId, new Set(taken));
    expect(made).toBe(slug);
    expect(isValidSlug(made)).toBe(true);
  });
});
