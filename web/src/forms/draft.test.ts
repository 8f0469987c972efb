import { describe, expect, it } from 'vitest';
import { answerOf, initialDraft } from './draft';
import type { FormDefinition } from './form-types';

const form: FormDefinition = {
  note: { type: 'text', default: 'hi' },
  amount: { type: 'number', default: 3 },
  ok: { type: 'boolean' },
  tags: { type: 'multiselect', options: [{ value: 'a', label: 'A' }], default: ['a'] },
  when: { type: 'date' },
};

describe('issue 15: the inputs of a form and the answer they make', () => {
  it('issue 15: inputs start from the defaults', () => {
    expect(initialDraft(form)).toEqual({ note: 'hi', amount: '3', ok: false, tags: ['a'], when: '' });
  });

  it.each<[string, unknown]>([
    ['12', 12],
    [' -1.5e2 ', -150],
    ['ten', 'ten'],
    ['', ''],
  ])('issue 15: the number input %j answers %j', (typed, value) => {
    expect(answerOf(form, { ...initialDraft(form), amount: typed }).amount).toEqual(value);
  });

  it('issue 15: other inputs answer what they hold', () => {
    expect(answerOf(form, { note: 'x', amount: '1', ok: true, tags: [], when: '2025-01-02' })).toEqual({ note: 'x', amount: 1, ok: true, tags: [], when: '2025-01-02' });
  });
});
