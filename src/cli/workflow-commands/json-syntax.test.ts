import { describe, expect, it } from 'vitest';
import { parseJsonOption } from './json-option.js';
import { findJsonSyntaxError } from './json-syntax.js';

describe('issue 11: where --input stops being JSON', () => {
  it.each([
    ['{"a": }', 6, 'expected a value (an object, array, string, number, true, false or null), found "}"'],
    ['{"a":1', 6, 'expected "," or "}", found the end of the text'],
    ["{a:1}", 1, 'expected a property name in double quotes, found "a"'],
    ["{'a':1}", 1, 'expected a property name in double quotes, found "\'"'],
    ['nope', 1, 'expected "null", found "o"'],
    ['', 0, 'expected a value (an object, array, string, number, true, false or null), found the end of the text'],
    ['{"a":1}\n x', 9, 'expected the end of the JSON, found "x"'],
    ['[1,]', 3, 'expected a value (an object, array, string, number, true, false or null), found "]"'],
    ['"a\\qb"', 3, 'expected an escape such as \\n, \\" or \\u00e9, found "q"'],
    ['{"a":"b', 7, 'expected a closing double quote, found the end of the text'],
    ['01', 1, 'expected the end of the JSON, found "1"'],
  ])('%j fails at offset %i', (text, offset, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ offset, reason });
  });

  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0'])('%j is JSON, as JSON.parse agrees', (text) => {
    expect(findJsonSyntaxError(text)).toBeUndefined();
    expect(parseJsonOption('--input', text)).toEqual(JSON.parse(text));
  });

  it('the error names the option, the line and column, with a caret under the place', () => {
    expect(() => parseJsonOption('--input', '{\n  "amount": 5,\n  customer: "x"\n}')).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: '--input is not JSON: expected a property name in double quotes, found "c" at line 3, column 3', detail: '  customer: "x"\n  ^' }),
    );
  });
});
