import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../store/human-task-types.js';
import { checkAnswer, validateAnswer } from './validate-answer.js';

const form: FormDefinition = {
  answer: { type: 'textarea', required: true, min: 2 },
  sentiment: { type: 'select', options: [{ value: 'positive', label: 'Positive' }, { value: 'neutral', label: 'Neutral' }], default: 'neutral' },
  amount: { type: 'number', min: 0, max: 100 },
  refund: { type: 'boolean' },
  tags: { type: 'multiselect', options: [{ value: 'bug', label: 'Bug' }, { value: 'billing', label: 'Billing' }], max: 1 },
  when: { type: 'date', min: '2024-01-01' },
  email: { type: 'email' },
  link: { type: 'url' },
  code: { type: 'text', pattern: '[A-Z]{3}-\\d+' },
};

describe('validateAnswer', () => {
  it('issue 10: accepts a valid answer, fills defaults and drops empty optional fields', () => {
    expect(validateAnswer(form, { answer: 'Refund sent', amount: 12.5, refund: true, tags: ['billing'], when: '2025-02-28', email: 'a@b.co', link: 'https://x.dev/p', code: 'ABC-12' })).toEqual(
      expect.objectContaining({ answer: 'Refund sent', sentiment: 'neutral', amount: 12.5 }),
    );
    expect(validateAnswer(form, { answer: 'ok', amount: '' })).toEqual({ answer: 'ok', sentiment: 'neutral' });
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    ['a missing required field', { sentiment: 'positive' }, [['answer', 'is required']]],
    ['an empty required field', { answer: '' }, [['answer', 'is required']]],
    ['text too short', { answer: 'x' }, [['answer', 'must be at least 2 characters long']]],
    ['text where a number goes', { answer: 'ok', amount: 'ten' }, [['amount', 'expected a number, got "ten" (string)']]],
    ['a number out of bounds', { answer: 'ok', amount: 101 }, [['amount', 'must be at most 100']]],
    ['a string where a boolean goes', { answer: 'ok', refund: 'yes' }, [['refund', 'expected true or false, got "yes" (string)']]],
    ['a value that is not an option', { answer: 'ok', sentiment: 'angry' }, [['sentiment', 'expected one of "positive", "neutral", got "angry" (string)']]],
    ['a multiselect given a string', { answer: 'ok', tags: 'bug' }, [['tags', 'expected a list of "bug", "billing", got "bug" (string)']]],
    ['too many choices', { answer: 'ok', tags: ['bug', 'billing'] }, [['tags', 'allows at most 1 choices']]],
    ['an impossible date', { answer: 'ok', when: '2025-02-30' }, [['when', 'expected a date as YYYY-MM-DD, got "2025-02-30" (string)']]],
    ['a date too early', { answer: 'ok', when: '2023-12-31' }, [['when', 'must be on or after 2024-01-01']]],
    ['a bad e-mail', { answer: 'ok', email: 'ann' }, [['email', 'expected an e-mail address, got "ann"']]],
    ['a non-http URL', { answer: 'ok', link: 'javascript:alert(1)' }, [['link', 'expected an http:// or https:// URL, got "javascript:alert(1)"']]],
    ['text not matching the pattern as a whole', { answer: 'ok', code: 'xABC-12' }, [['code', 'must match the pattern [A-Z]{3}-\\d+, got "xABC-12"']]],
    ['an unknown field', { answer: 'ok', mood: 'fine' }, [['mood', 'is not a field of this form (fields: answer, sentiment, amount, refund, tags, when, email, link, code)']]],
    ['not an object', 'approve', [['', 'an answer is an object of field values (fields: answer, sentiment, amount, refund, tags, when, email, link, code)']]],
    ['several at once', { amount: -1, refund: 1 }, [['answer', 'is required'], ['amount', 'must be at least 0'], ['refund', 'expected true or false, got 1 (number)']]],
  ])('issue 10: reports %s field by field', (_label, answer, expected) => {
    const checked = checkAnswer(form, answer);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues.map((found) => [found.path.join('.'), found.message])).toEqual(expected);
    expect(() => validateAnswer(form, answer)).toThrow(expect.objectContaining({ code: 'E_FORM_INVALID' }));
  });
});
