import { describe, expect, it } from 'vitest';
import type { Question } from '../interviewer.js';
import { interpretConsoleLine, promptFor, type LineVerdict } from './console-answer.js';

const approve = { key: 'A', label: 'Approve' };
const reject = { key: 'R', label: 'Reject' };
const choice: Question = { text: 'Ship?', type: 'multiple_choice', options: [approve, reject], stage: 'gate' };
const yesNo: Question = { text: 'Ship?', type: 'yes_no', options: [], stage: 'gate' };
const confirm: Question = { ...yesNo, type: 'confirmation' };
const free: Question = { text: 'Why?', type: 'freeform', options: [], stage: 'gate' };
const withDefault: Question = { ...choice, default: { value: 'R', selectedOption: reject } };

const retryChoice = { retry: 'Please answer with one of: [A] Approve, [R] Reject (key, label or number).' };

describe('interpretConsoleLine', () => {
  it.each<[string, Question, string, LineVerdict]>([
    ['choice by key', choice, 'a', { answer: { value: 'A', selectedOption: approve, text: 'a' } }],
    ['choice by label', choice, ' reject ', { answer: { value: 'R', selectedOption: reject, text: 'reject' } }],
    ['choice by number', choice, '2', { answer: { value: 'R', selectedOption: reject, text: '2' } }],
    ['choice: no match asks again naming the choices', choice, 'maybe', retryChoice],
    ['choice: empty line without default asks again', choice, '', retryChoice],
    ['choice: empty line takes the default', withDefault, '  ', { answer: { value: 'R', selectedOption: reject } }],
    ['yes_no: y', yesNo, 'Y', { answer: { value: 'yes', text: 'Y' } }],
    ['yes_no: no', yesNo, 'no', { answer: { value: 'no', text: 'no' } }],
    ['yes_no: other text asks again', yesNo, 'perhaps', { retry: 'Please answer y (yes) or n (no).' }],
    ['confirmation: yes', confirm, 'yes', { answer: { value: 'yes', text: 'yes' } }],
    ['freeform: text', free, ' because ', { answer: { value: 'because', text: 'because' } }],
    ['freeform: empty asks again', free, '', { retry: 'Please type an answer.' }],
  ])('%s', (_name, question, line, verdict) => {
    expect(interpretConsoleLine(question, line)).toEqual(verdict);
  });
});

describe('promptFor', () => {
  it.each<[Question, string]>([
    [choice, 'Select: '],
    [yesNo, '[Y/N]: '],
    [confirm, '[Y/N]: '],
    [free, '> '],
  ])('%o → %j', (question, prompt) => {
    expect(promptFor(question)).toBe(prompt);
  });
});
