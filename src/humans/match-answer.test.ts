import { describe, expect, it } from 'vitest';
import type { QuestionOption } from './interviewer.js';
import { describeChoices, matchAnswer } from './match-answer.js';

const options: QuestionOption[] = [
  { key: 'A', label: 'Approve', id: 'ship' },
  { key: 'R', label: 'Request changes', id: 'fix' },
  { key: '2', label: 'Second opinion', id: 'a' },
];
const question = { options };

describe('decision 5: matchAnswer', () => {
  it.each<[string, string, boolean, string | undefined]>([
    ['key', 'A', false, 'A'],
    ['key, lower case', 'r', false, 'R'],
    ['key with spaces around', '  a ', false, 'A'],
    ['label', 'Approve', false, 'A'],
    ['label, other case and spacing', '  request   CHANGES ', false, 'R'],
    ['label with an accelerator prefix', '[R] Request changes', false, 'R'],
    ['option id (edge target)', 'fix', false, 'R'],
    ['a key beats an id that reads the same', 'a', false, 'A'],
    ['a digit key beats the option number', '2', true, '2'],
    ['option number when allowed', '1', true, 'A'],
    ['option number not allowed', '1', false, undefined],
    ['option number out of range', '4', true, undefined],
    ['unknown text', 'maybe', true, undefined],
    ['empty text', '   ', true, undefined],
    ['id is case-sensitive', 'SHIP', false, undefined],
  ])('%s: %j → %j', (_name, text, allowNumber, key) => {
    expect(matchAnswer(question, text, { allowNumber })?.key).toBe(key);
  });
});

describe('describeChoices', () => {
  it('lists key and label of every option', () => {
    expect(describeChoices(question)).toBe('[A] Approve, [R] Request changes, [2] Second opinion');
  });
});
