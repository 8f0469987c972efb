import { describe, expect, it } from 'vitest';
import { contextOverrides, editableEntries } from './context-edit';

const saved = { topic: 'cats', count: 2, flags: { a: true } };

describe('issue 15: the replay form sends only the context values changed', () => {
  it('shows each value as JSON, keys sorted', () => {
    expect(editableEntries(saved)).toEqual([['count', '2'], ['flags', '{"a":true}'], ['topic', '"cats"']]);
  });

  it.each([
    [{ topic: '"dogs"' }, { topic: 'dogs' }, []],
    [{ topic: 'dogs' }, { topic: 'dogs' }, []],
    [{ topic: '"cats"' }, {}, []],
    [{ count: '5' }, { count: 5 }, []],
    [{ count: 'five' }, {}, ['count']],
    [{ count: '"five"' }, { count: 'five' }, []],
    [{ flags: '{"a":false}' }, { flags: { a: false } }, []],
  ])('edits %j send %j', (edits, context, problems) => {
    const built = contextOverrides(saved, edits);
    expect(built.context).toEqual(context);
    expect(built.problems.map((problem) => problem.key)).toEqual(problems);
  });
});
