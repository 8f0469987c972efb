import { describe, expect, it } from 'vitest';
import { escapeTerminalFields, escapeTerminalLines, escapeTerminalText } from './terminal-text.js';

describe('issue 8.8: escapeTerminalText', () => {
  it.each([
    ['plain text', 'review-code', 'review-code'],
    ['unicode stays', 'café ✓ 日本 🎉', 'café ✓ 日本 🎉'],
    ['CSI sequence', 'a\u001b[2Jb', 'a\\x1b[2Jb'],
    ['OSC title', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['newline', 'x\ny', 'x\\ny'],
    ['carriage return', 'ok\rerror', 'ok\\rerror'],
    ['tab', 'a\tb', 'a\\tb'],
    ['NUL and backspace', '\u0000\u0008', '\\x00\\x08'],
    ['DEL', 'a\u007f', 'a\\x7f'],
    ['C1 CSI', 'a\u009b31m', 'a\\x9b31m'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['bidi override', 'abc\u202edef', 'abc\\u202edef'],
    ['bidi isolate', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['faked diagnostic', 'n\nfile.dot:1:1: error[fake]: x', 'n\\nfile.dot:1:1: error[fake]: x'],
  ])('%s', (_name, input, expected) => {
    expect(escapeTerminalText(input)).toBe(expected);
  });
});

describe('issue 8.8: escapeTerminalLines', () => {
  it.each([
    ['keeps line feeds and tabs', 'a\n\tb', 'a\n\tb'],
    ['escapes ESC and CR', 'a\u001b[1m\r\nb', 'a\\x1b[1m\\r\nb'],
    ['escapes C1', '\u0085', '\\x85'],
  ])('%s', (_name, input, expected) => {
    expect(escapeTerminalLines(input)).toBe(expected);
  });
});

describe('issue 8.8: escapeTerminalFields', () => {
  it('escapes strings through arrays and plain objects and keeps other values', () => {
    const date = new Date(0);
    const input = { type: 'x', node: 'a\nb', n: 3, ok: true, none: undefined, list: [{ key: '\u001b' }], date };
    const output = escapeTerminalFields(input);
    expect(output).toEqual({ type: 'x', node: 'a\\nb', n: 3, ok: true, none: undefined, list: [{ key: '\\x1b' }], date });
    expect(output.date).toBe(date);
    expect(input.node).toBe('a\nb');
  });
});
