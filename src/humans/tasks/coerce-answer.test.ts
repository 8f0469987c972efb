import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../store/human-task-types.js';
import { coerceCliAnswer } from './coerce-answer.js';

const form: FormDefinition = {
  decision: { type: 'select', options: [{ value: 'approve', label: 'Approve' }] },
  amount: { type: 'number' },
  refund: { type: 'boolean' },
  tags: { type: 'multiselect', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  comment: { type: 'textarea' },
};

describe('coerceCliAnswer', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['decision=approve'], { decision: 'approve' }],
    [['decision=Approve'], { decision: 'approve' }],
    [['decision=APPROVE'], { decision: 'approve' }],
    [['decision=reject'], { decision: 'reject' }],
    [['tags=A,b'], { tags: ['a', 'b'] }],
    [['amount=12.5'], { amount: 12.5 }],
    [['amount=-3'], { amount: -3 }],
    [['amount=1e3'], { amount: 1000 }],
    [['amount=ten'], { amount: 'ten' }],
    [['refund=yes'], { refund: true }],
    [['refund=No'], { refund: false }],
    [['refund=maybe'], { refund: 'maybe' }],
    [['tags=a, b'], { tags: ['a', 'b'] }],
    [['tags=a', 'tags=b'], { tags: ['a', 'b'] }],
    [['comment=a=b, c'], { comment: 'a=b, c' }],
    [['comment='], { comment: '' }],
  ])('issue 10: %j becomes %j', (pairs, expected) => {
    expect(coerceCliAnswer(form, pairs)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['approve'], 'the answer is invalid: approve: expected field=value (fields: decision, amount, refund, tags, comment)'],
    [['=x'], 'the answer is invalid: =x: expected field=value (fields: decision, amount, refund, tags, comment)'],
    [['mood=ok'], 'the answer is invalid: mood: is not a field of this form (fields: decision, amount, refund, tags, comment)'],
  ])('issue 10: refuses %j', (pairs, message) => {
    expect(() => coerceCliAnswer(form, pairs)).toThrow(expect.objectContaining({ code: 'E_FORM_INVALID', message }));
  });
});
