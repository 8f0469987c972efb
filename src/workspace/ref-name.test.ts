import { describe, expect, it } from 'vitest';
import { validateRefName } from './ref-name.js';

describe('validateRefName', () => {
  it.each(['main', 'feature/login', 'orchestra/4-add-docs', 'v1.2'])('accepts %s', (name) => {
    expect(() => validateRefName(name, 'the base branch')).not.toThrow();
  });

  it.each([
    ['', 'it is empty'],
    ['--force', 'it starts with "-"'],
    ['a b', 'it contains a space, control character or one of ~ ^ : ? * [ \\'],
    ['a~1', 'it contains a space, control character or one of ~ ^ : ? * [ \\'],
    ['a..b', 'it contains ".."'],
  ])('rejects %j: %s', (name, problem) => {
    expect(() => validateRefName(name, 'the base branch')).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: `Expected the base branch to be a git branch name, got ${JSON.stringify(name)}: ${problem}.` }),
    );
  });
});
