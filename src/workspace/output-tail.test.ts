import { describe, expect, it } from 'vitest';
import { OutputTail } from './output-tail.js';

describe('OutputTail', () => {
  it.each([
    ['nothing', [], 3, ''],
    ['fewer lines than kept', ['a\nb\n'], 3, 'a\nb'],
    ['lines split across chunks', ['on', 'e\ntw', 'o\nthree\nfour\n'], 3, 'two\nthree\nfour'],
    ['an unfinished last line', ['a\nb\nc\nd'], 2, 'c\nd'],
    ['CRLF line ends', ['a\r\nb\r\n'], 5, 'a\nb'],
  ])('%s', (_name, chunks, lines, expected) => {
    const tail = new OutputTail(lines);
    for (const chunk of chunks) tail.push(chunk);
    expect(tail.toString()).toBe(expected);
  });

  it('cuts a runaway line to its end', () => {
    const tail = new OutputTail(20, 100);
    for (let i = 0; i < 50; i++) tail.push('x'.repeat(99) + String(i % 10));
    const text = tail.toString();
    expect(text.length).toBe(100);
    expect(text.endsWith('9')).toBe(true);
  });
});
