import { describe, expect, it } from 'vitest';
import { normalizeDescription, splitFrontMatter } from './front-matter.js';

describe('splitFrontMatter', () => {
  it.each([
    ['---\na: 1\n---\n\nBody\n', { kind: 'ok', yaml: 'a: 1\n', body: '\nBody\n', bodyFirstLine: 4 }],
    ['---\n---\n', { kind: 'ok', yaml: '', body: '', bodyFirstLine: 3 }],
    ['---\na: 1\n---', { kind: 'ok', yaml: 'a: 1\n', body: '', bodyFirstLine: 4 }],
    ['---\r\na: 1\r\n---\r\nBody\r\n', { kind: 'ok', yaml: 'a: 1\r\n', body: 'Body\r\n', bodyFirstLine: 4 }],
    ['\uFEFF---\na: 1\n---\nBody', { kind: 'ok', yaml: 'a: 1\n', body: 'Body', bodyFirstLine: 4 }],
    ['---  \na: 1\n---\nx\n---\ny\n', { kind: 'ok', yaml: 'a: 1\n', body: 'x\n---\ny\n', bodyFirstLine: 4 }],
    ['a: 1\n---\n', { kind: 'missing' }],
    ['\n---\na: 1\n---\n', { kind: 'missing' }],
    ['', { kind: 'missing' }],
    ['---\na: 1\n', { kind: 'unclosed' }],
    ['---\na: ---\n', { kind: 'unclosed' }],
  ])('%j → %j', (text, split) => {
    expect(splitFrontMatter(text)).toEqual(split);
  });
});

describe('normalizeDescription', () => {
  it.each([
    ['\n\nFix it.\n\n', 'Fix it.'],
    ['    indented code\n', '    indented code'],
    ['\n  \n# Title\n\ntext  \n', '# Title\n\ntext'],
    ['', ''],
  ])('%j → %j', (body, description) => {
    expect(normalizeDescription(body)).toBe(description);
  });
});
