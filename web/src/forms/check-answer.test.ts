import { describe, expect, it } from 'vitest';
import { checkAnswer, problemsByField } from './check-answer';
import type { FormDefinition } from './form-types';

const form: FormDefinition = {
  choice: { type: 'select', required: true, options: [{ value: 'ship', label: 'Ship' }, { value: 'fix', label: 'Fix' }] },
  comment: { type: 'textarea', max: 20 },
  priority: { type: 'select', options: [{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }], default: 'low' },
  amount: { type: 'number', min: 0, max: 100 },
};

describe('issue 15: an answer against its form, as the server checks it', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof checkAnswer>]>([
    ['a good answer: defaults filled, empty optional fields left out', { choice: 'ship', comment: '', amount: 5 }, { ok: true, value: { choice: 'ship', priority: 'low', amount: 5 } }],
    ['a missing required field', { comment: 'hm' }, { ok: false, problems: [{ field: 'choice', message: 'is required' }] }],
    ['an unknown field first, then the form in order', { mood: 'x', amount: 101, choice: 'sink' }, {
      ok: false,
      problems: [
        { field: 'mood', message: 'is not a field of this form (fields: choice, comment, priority, amount)' },
        { field: 'choice', message: 'expected one of "ship", "fix", got "sink" (string)' },
        { field: 'amount', message: 'must be at most 100' },
      ],
    }],
  ])('issue 15: %s', (_what, answer, expected) => {
    expect(checkAnswer(form, answer)).toEqual(expected);
  });

  it('issue 15: the first problem of each field is the one shown beside it', () => {
    expect(problemsByField([{ field: 'a', message: 'one' }, { field: 'a', message: 'two' }, { field: 'b', message: 'three' }])).toEqual({ a: 'one', b: 'three' });
  });
});
