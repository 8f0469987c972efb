import { describe, expect, it } from 'vitest';
import { seedForm } from '../../store/conformance/human-task-fixtures.case.js';
import { formIssues, validateForm } from './validate-form.js';


describe('validateForm', () => {
  it("issue 10: accepts seed 000's form as written, and every field type", () => {
    expect(validateForm(seedForm)).toBe(seedForm);
    const all = {
      name: { type: 'text', label: 'Name', help: 'Full name', min: 1, max: 40, pattern: '[A-Za-z ]+', default: 'Ann' },
      notes: { type: 'textarea' },
      amount: { type: 'number', min: -5, max: 10.5, default: 0 },
      urgent: { type: 'boolean', default: false },
      tags: { type: 'multiselect', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], min: 1, max: 2, default: ['a'] },
      when: { type: 'date', min: '2024-01-01', max: '2030-12-31' },
      contact: { type: 'email', required: false },
      link: { type: 'url' },
    };
    expect(formIssues(all)).toEqual([]);
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    ['not a mapping', ['answer'], [['', 'a form is a mapping of field names to fields, e.g. { answer: { type: textarea } }']]],
    ['no fields', {}, [['', 'a form needs at least one field']]],
    ['a field that is not a mapping', { answer: 'textarea' }, [['answer', 'a field is a mapping with at least a type, e.g. { type: text }']]],
    ['an unknown field type', { answer: { type: 'essay' } }, [['answer.type', 'unknown field type "essay" (expected one of text, textarea, number, boolean, select, multiselect, date, email, url)']]],
    ['no type', { answer: {} }, [['answer.type', 'unknown field type undefined (expected one of text, textarea, number, boolean, select, multiselect, date, email, url)']]],
    ['an unknown key', { answer: { type: 'text', placeholder: 'x' } }, [['answer.placeholder', 'unknown key (a field has type, label, help, required, default, min, max, pattern, options)']]],
    ['a select without options', { sentiment: { type: 'select' } }, [['sentiment.options', 'a select field needs options: a list of { value, label }']]],
    ['a multiselect with no options', { tags: { type: 'multiselect', options: [] } }, [['tags.options', 'a multiselect field needs options: a list of { value, label }']]],
    ['options on a text field', { answer: { type: 'text', options: [{ value: 'a', label: 'A' }] } }, [['answer.options', 'only select and multiselect fields have options, not text']]],
    ['an option without a label', { s: { type: 'select', options: [{ value: 'a' }] } }, [['s.options.0', 'an option is { value, label }, both text, value not empty']]],
    ['an option value twice', { s: { type: 'select', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'Again' }] } }, [['s.options.1', 'the value "a" appears twice']]],
    ['a bad pattern', { code: { type: 'text', pattern: '([a-z' } }, [['code.pattern', '"([a-z" is not a valid RE2 regular expression: error parsing regexp: missing closing ]: `[a-z`']]],
    ['a lookahead pattern (not RE2)', { code: { type: 'text', pattern: '(?=a)a' } }, [['code.pattern', '"(?=a)a" is not a valid RE2 regular expression: error parsing regexp: invalid or unsupported Perl syntax: `(?=`']]],
    ['a pattern on a number', { n: { type: 'number', pattern: '\\d+' } }, [['n.pattern', 'only text, textarea, email, url fields have a pattern, not number']]],
    ['min above max', { n: { type: 'number', min: 5, max: 1 } }, [['n.min', 'min (5) is greater than max (1)']]],
    ['a text length that is negative', { t: { type: 'text', min: -1 } }, [['t.min', 'must be a whole number ≥ 0 (a length or a count)']]],
    ['a date bound that is not a date', { d: { type: 'date', max: 'tomorrow' } }, [['d.max', 'a date bound is written YYYY-MM-DD']]],
    ['a bound on a boolean', { b: { type: 'boolean', max: 1 } }, [['b.max', 'a boolean field has no max']]],
    ['required that is not a boolean', { t: { type: 'text', required: 'yes' } }, [['t.required', 'must be true or false']]],
    ['a default that does not fit', { s: { type: 'select', options: [{ value: 'a', label: 'A' }], default: 'b' } }, [['s.default', 'the default does not fit the field: expected one of "a", got "b" (string)']]],
    ['a bad field name', { 'my field': { type: 'text' } }, [['my field', 'a field name is letters, digits, _ and -, starting with a letter or _']]],
    ['several problems at once', { a: { type: 'select' }, b: { type: 'nope' } }, [['a.options', 'a select field needs options: a list of { value, label }'], ['b.type', 'unknown field type "nope" (expected one of text, textarea, number, boolean, select, multiselect, date, email, url)']]],
  ])('issue 10: rejects %s with a clear error', (_label, form, expected) => {
    expect(formIssues(form).map((found) => [found.path.join('.'), found.message])).toEqual(expected);
    expect(() => validateForm(form, 'the form of gate approve')).toThrow(expect.objectContaining({ code: 'E_FORM_INVALID' }));
  });

  it('issue 10: one problem is in the message; several are counted there and listed in the detail', () => {
    expect(() => validateForm({ a: { type: 'select' } }, 'the form of gate approve')).toThrow(
      expect.objectContaining({ message: 'the form of gate approve is invalid: a.options: a select field needs options: a list of { value, label }' }),
    );
    let thrown: unknown;
    try {
      validateForm({ a: { type: 'select' }, b: { type: 'nope' } }, 'the form of gate approve');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'E_FORM_INVALID',
      message: 'the form of gate approve has 2 problems',
      detail: '- a.options: a select field needs options: a list of { value, label }\n- b.type: unknown field type "nope" (expected one of text, textarea, number, boolean, select, multiselect, date, email, url)',
      fields: [
        { field: 'a', message: 'a select field needs options: a list of { value, label }' },
        { field: 'b', message: 'unknown field type "nope" (expected one of text, textarea, number, boolean, select, multiselect, date, email, url)' },
      ],
    });
  });
});
