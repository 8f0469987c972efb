import { describe, expect, it } from 'vitest';
import { checkAnswer as serverCheck } from '../../src/humans/tasks/validate-answer.js';
import type { FormDefinition } from '../../src/store/human-task-types.js';

/*
 * The dashboard checks an answer before sending it with its own copy of the rules (web/ may not
 * import src/). This keeps the copy honest: the same answers through both, the same verdicts.
 * web/ is type-checked by its own tsconfig (bundler resolution), so its module is loaded by a path
 * the root type check does not follow; vitest resolves it as the dashboard's build does.
 */

type BrowserCheck = (form: FormDefinition, answer: Record<string, unknown>) => unknown;
const browserModule = '../../web/src/forms/check-answer';
const { checkAnswer: browserCheck } = (await import(browserModule)) as { checkAnswer: BrowserCheck };

const options = [{ value: 'ship', label: 'Ship' }, { value: 'hold', label: 'Hold' }];
const form: FormDefinition = {
  choice: { type: 'select', required: true, options },
  comment: { type: 'textarea', min: 2, max: 40 },
  code: { type: 'text', pattern: '(?i)[a-z]{3}-\\d+' },
  amount: { type: 'number', min: 0, max: 100, default: 5 },
  refund: { type: 'boolean' },
  tags: { type: 'multiselect', options, min: 1, max: 1 },
  when: { type: 'date', min: '2024-01-01', max: '2030-12-31' },
  email: { type: 'email' },
  link: { type: 'url' },
};

const answers: Array<Record<string, unknown>> = [
  { choice: 'ship' },
  { choice: 'ship', comment: 'fine', code: 'ABC-1', amount: 0, refund: false, tags: ['hold'], when: '2030-12-31', email: 'a@b.co', link: 'http://x' },
  {},
  { choice: 'Ship', comment: 'x', code: 'AB-1', amount: 101, refund: 'no', tags: ['ship', 'hold'], when: '2023-12-31', email: 'a@b', link: 'ftp://x' },
  { choice: '', comment: '', code: '', amount: '', tags: [], when: '', email: '', link: '' },
  { choice: 3, comment: 4, amount: 'ten', tags: 'ship', when: '2025-02-30', extra: 1 },
  { choice: ['ship'], amount: Number.NaN, tags: ['ship', 'ship'], when: 20250101, link: 'https://' },
  { choice: null, amount: -1, refund: true, tags: ['sink'], code: 'abc-12x', comment: 'é'.repeat(41) },
];

describe('issue 15: the dashboard refuses exactly the answers the server refuses', () => {
  it.each(answers.map((answer) => [JSON.stringify(answer), answer] as const))('issue 15: %s', (_text, answer) => {
    const server = serverCheck(form, answer);
    const expected = server.ok ? server : { ok: false, problems: server.issues.map(({ field, message }) => ({ field, message })) };
    expect(browserCheck(form, answer)).toEqual(expected);
  });
});
