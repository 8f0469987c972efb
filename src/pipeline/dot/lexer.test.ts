import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../../core/errors.js';
import { Lexer } from './lexer.js';
import type { Token } from './token.js';

function lexAll(source: string): Token[] {
  const lexer = new Lexer(source, 't.dot');
  const tokens: Token[] = [];
  for (;;) {
    const token = lexer.next();
    tokens.push(token);
    if (token.kind === 'eof') return tokens;
  }
}

/** [kind, value] pairs without the final eof, for compact tables. */
function kinds(source: string): [string, string | number][] {
  return lexAll(source)
    .slice(0, -1)
    .map((token) => [token.kind, token.value]);
}

describe('lexer: values', () => {
  it.each([
    ['integer', '42', [['integer', 42]]],
    ['negative integer', '-7', [['integer', -7]]],
    ['float', '0.5', [['float', 0.5]]],
    ['float without leading digit', '.25', [['float', 0.25]]],
    ['negative float', '-1.5', [['float', -1.5]]],
    ['negative float without leading digit', '-.5', [['float', -0.5]]],
    ['duration ms', '250ms', [['duration', 250]]],
    ['duration s', '900s', [['duration', 900_000]]],
    ['duration m', '15m', [['duration', 900_000]]],
    ['duration h', '2h', [['duration', 7_200_000]]],
    ['duration d', '1d', [['duration', 86_400_000]]],
    ['bare word', 'box', [['word', 'box']]],
    ['bare value with dots and dashes', 'gpt-5.2', [['word', 'gpt-5.2']]],
    ['bare value with colon', 'summary:high', [['word', 'summary:high']]],
    ['dotted key', 'human.default_choice', [['word', 'human.default_choice']]],
    ['boolean word', 'true', [['word', 'true']]],
    ['number with unknown unit', '10px', [['unknown', '10px']]],
    ['number with two dots', '1.2.3', [['unknown', '1.2.3']]],
    ['compound duration', '2h30m', [['unknown', '2h30m']]],
    ['lone dot', '.', [['unknown', '.']]],
    ['lone minus', '- 1', [['unknown', '-'], ['integer', 1]]],
  ])('%s: %s', (_name, source, expected) => {
    expect(kinds(source)).toEqual(expected);
  });
});

describe('lexer: strings', () => {
  it.each([
    ['plain', '"hello world"', 'hello world'],
    ['escaped quote', String.raw`"say \"hi\""`, 'say "hi"'],
    ['newline escape', String.raw`"a\nb"`, 'a\nb'],
    ['tab escape', String.raw`"a\tb"`, 'a\tb'],
    ['escaped backslash', String.raw`"a\\b"`, 'a\\b'],
    ['other escapes stay literal', String.raw`"left\l \N \d+"`, String.raw`left\l \N \d+`],
    ['comment markers inside', '"Use // and /* */ and # here"', 'Use // and /* */ and # here'],
    ['quoted number stays a string', '"42"', '42'],
    ['real newline inside', '"line one\nline two"', 'line one\nline two'],
    ['empty', '""', ''],
  ])('%s', (_name, source, value) => {
    expect(kinds(source)).toEqual([['string', value]]);
  });
});

describe('lexer: punctuation and words', () => {
  it.each([
    ['arrow without spaces', 'a->b', [['word', 'a'], ['punct', '->'], ['word', 'b']]],
    ['undirected edge', 'a--b', [['word', 'a'], ['punct', '--'], ['word', 'b']]],
    ['dash inside a word', 'a-b->c', [['word', 'a-b'], ['punct', '->'], ['word', 'c']]],
    ['brackets and separators', '[a=1,b=2;]', [['punct', '['], ['word', 'a'], ['punct', '='], ['integer', 1], ['punct', ','], ['word', 'b'], ['punct', '='], ['integer', 2], ['punct', ';'], ['punct', ']']]],
    ['port in a word', 'a:p', [['word', 'a:p']]],
    ['colon after a string', '"a":p', [['string', 'a'], ['punct', ':'], ['word', 'p']]],
    ['html label', '<b>', [['punct', '<'], ['word', 'b'], ['punct', '>']]],
    ['unknown character', '@', [['unknown', '@']]],
  ])('%s', (_name, source, expected) => {
    expect(kinds(source)).toEqual(expected);
  });
});

describe('lexer: comments', () => {
  it.each([
    ['line comment', 'a // b c\nd', ['a', 'd']],
    ['block comment', 'a /* b\n c */ d', ['a', 'd']],
    ['hash at line start', '# 1 "file"\na', ['a']],
    ['indented hash at line start', '  # pragma\na', ['a']],
    ['comment right after a value', 'a=1// x\nb', ['a', '=', 1, 'b']],
    ['slash-star inside a line comment', 'a // /* not a block\nb', ['a', 'b']],
  ])('%s', (_name, source, values) => {
    expect(kinds(source).map(([, value]) => value)).toEqual(values);
  });

  it('a "#" after other text on the line is not a comment', () => {
    expect(kinds('a #b')).toEqual([
      ['word', 'a'],
      ['unknown', '#'],
      ['word', 'b'],
    ]);
  });
});

describe('lexer: positions', () => {
  it('gives 1-based line and column with an exclusive end column', () => {
    const tokens = lexAll('digraph G {\n  plan -> "x y"\n}');
    expect(tokens.map((t) => [t.text, t.line, t.column, t.endColumn])).toEqual([
      ['digraph', 1, 1, 8],
      ['G', 1, 9, 10],
      ['{', 1, 11, 12],
      ['plan', 2, 3, 7],
      ['->', 2, 8, 10],
      ['"x y"', 2, 11, 16],
      ['}', 3, 1, 2],
      ['', 3, 2, 2],
    ]);
  });

  it('counts lines inside multi-line strings and block comments', () => {
    const tokens = lexAll('/* one\ntwo */ a="x\ny" b');
    expect(tokens.map((t) => [t.text, t.line, t.column, t.endLine, t.endColumn])).toEqual([
      ['a', 2, 8, 2, 9],
      ['=', 2, 9, 2, 10],
      ['"x\ny"', 2, 10, 3, 3],
      ['b', 3, 4, 3, 5],
      ['', 3, 5, 3, 5],
    ]);
  });

  it('handles CRLF line ends', () => {
    const tokens = lexAll('a\r\nb');
    expect(tokens.map((t) => [t.text, t.line, t.column])).toEqual([
      ['a', 1, 1],
      ['b', 2, 1],
      ['', 2, 2],
    ]);
  });

  it('treats a byte-order mark as space', () => {
    expect(kinds('\uFEFFdigraph')).toEqual([['word', 'digraph']]);
  });
});

describe('lexer: unterminated text', () => {
  it.each([
    ['string', 'a = "never closed\nmore', 'Expected a closing " for the string that starts here, found end of file', 1, 5],
    ['block comment', 'a\n  /* never closed', 'Expected "*/" to close the comment that starts here, found end of file', 2, 3],
  ])('an unterminated %s points at where it starts', (_name, source, message, line, column) => {
    let caught: unknown;
    try {
      lexAll(source);
    } catch (error) {
      caught = error;
    }
    expect(isOrchestraError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'E_DOT_SYNTAX', message, location: { file: 't.dot', line, column } });
  });
});
