import { describe, expect, it } from 'vitest';
import { fieldProblem, isEmptyValue, isIsoDate } from './field-rules';
import type { FormField, JsonValue } from './form-types';

const options = [{ value: 'ship', label: 'Ship' }, { value: 'hold', label: 'Hold' }];

describe('issue 15: one value against one field, as the server checks it', () => {
  it.each<[string, FormField, JsonValue, string | undefined]>([
    ['text', { type: 'text' }, 'hi', undefined],
    ['text given a number', { type: 'text' }, 3, 'expected text, got 3 (number)'],
    ['text too short', { type: 'textarea', min: 2 }, 'x', 'must be at least 2 characters long'],
    ['text too long', { type: 'text', max: 3 }, 'abcd', 'must be at most 3 characters long'],
    ['a pattern matched whole', { type: 'text', pattern: '[A-Z]{3}-\\d+' }, 'ABC-12', undefined],
    ['a pattern matched in part only', { type: 'text', pattern: '[A-Z]{3}-\\d+' }, 'xABC-12', 'must match the pattern [A-Z]{3}-\\d+, got "xABC-12"'],
    ['an RE2 flag group JavaScript lacks', { type: 'text', pattern: '(?i)ab+' }, 'ABB', undefined],
    ['an e-mail', { type: 'email' }, 'ann@example.com', undefined],
    ['a bad e-mail', { type: 'email' }, 'ann', 'expected an e-mail address, got "ann"'],
    ['an https URL', { type: 'url' }, 'https://x.dev/p', undefined],
    ['a javascript: URL', { type: 'url' }, 'javascript:alert(1)', 'expected an http:// or https:// URL, got "javascript:alert(1)"'],
    ['a number', { type: 'number', min: 0, max: 10 }, 10, undefined],
    ['a number too large', { type: 'number', min: 0, max: 10 }, 11, 'must be at most 10'],
    ['a number too small', { type: 'number', min: 1 }, 0, 'must be at least 1'],
    ['text where a number goes', { type: 'number' }, 'ten', 'expected a number, got "ten" (string)'],
    ['a boolean', { type: 'boolean' }, false, undefined],
    ['text where a boolean goes', { type: 'boolean' }, 'yes', 'expected true or false, got "yes" (string)'],
    ['a date', { type: 'date', min: '2024-01-01' }, '2025-02-28', undefined],
    ['an impossible date', { type: 'date' }, '2025-02-30', 'expected a date as YYYY-MM-DD, got "2025-02-30" (string)'],
    ['a date too late', { type: 'date', max: '2024-12-31' }, '2025-01-01', 'must be on or before 2024-12-31'],
    ['an option', { type: 'select', options }, 'ship', undefined],
    ['a label instead of an option value', { type: 'select', options }, 'Ship', 'expected one of "ship", "hold", got "Ship" (string)'],
    ['choices', { type: 'multiselect', options }, ['ship', 'hold'], undefined],
    ['a choice that is no option', { type: 'multiselect', options }, ['ship', 'sink'], 'expected only "ship", "hold", got "sink"'],
    ['a choice twice', { type: 'multiselect', options }, ['ship', 'ship'], 'lists a choice twice'],
    ['too many choices', { type: 'multiselect', options, max: 1 }, ['ship', 'hold'], 'allows at most 1 choices'],
    ['a multiselect given text', { type: 'multiselect', options }, 'ship', 'expected a list of "ship", "hold", got "ship" (string)'],
    ['a list where text goes', { type: 'text' }, ['a'], 'expected text, got a list'],
  ])('issue 15: %s', (_what, field, value, problem) => {
    expect(fieldProblem(field, value)).toBe(problem);
  });

  it.each<[unknown, boolean]>([[undefined, true], [null, true], ['', true], [[], true], [' ', false], [0, false], [false, false]])('issue 15: %j is empty: %s', (value, empty) => {
    expect(isEmptyValue(value)).toBe(empty);
  });

  it.each([['2024-02-29', true], ['2023-02-29', false], ['2024-2-1', false], ['2024-13-01', false]])('issue 15: %s is a date: %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});
