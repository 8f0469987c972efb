import { describe, expect, it } from 'vitest';
import { lineMatches, readPath } from './field-path.js';

const line = { type: 'assistant', n: 0, message: { content: [{ type: 'tool_use', name: 'Write' }, { type: 'text', text: 'hi' }, { type: 'tool_use', name: 'Bash' }] } };

describe('readPath', () => {
  it.each<[string, unknown[]]>([
    ['type', ['assistant']],
    ['n', [0]],
    ['message.content[].name', ['Write', 'Bash']],
    ['message.content[].text', ['hi']],
    ['message.missing.deep', []],
    ['type[]', []],
    ['constructor', []],
  ])('%s → %j', (path, expected) => {
    expect(readPath(line, path)).toEqual(expected);
  });
});

describe('lineMatches', () => {
  it.each<[Record<string, string | number | boolean> | undefined, boolean]>([
    [undefined, true],
    [{ type: 'assistant' }, true],
    [{ type: 'result' }, false],
    [{ 'message.content[].type': 'text' }, true],
    [{ type: 'assistant', n: 0 }, true],
    [{ missing: 'x' }, false],
  ])('when %j → %s', (when, expected) => {
    expect(lineMatches(line, when)).toBe(expected);
  });
});
