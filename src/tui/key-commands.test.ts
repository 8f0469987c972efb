import { describe, expect, it } from 'vitest';
import { keyCommands, type KeyFlags } from './key-commands.js';

const NONE: KeyFlags = { upArrow: false, downArrow: false, return: false, ctrl: false };

describe('keyCommands', () => {
  it.each<[string, Partial<KeyFlags>, string[]]>([
    ['j', {}, ['down']],
    ['k', {}, ['up']],
    ['', { downArrow: true }, ['down']],
    ['', { upArrow: true }, ['up']],
    ['a', {}, ['attach']],
    ['\r', { return: true }, ['attach']],
    ['s', {}, ['start']],
    ['x', {}, ['stop']],
    ['r', {}, ['refresh']],
    ['q', {}, ['quit']],
    ['c', { ctrl: true }, ['quit']],
    ['j', { ctrl: true }, []], // Ctrl-J is not j
    ['z', {}, []],
    ['J', {}, []],
    ['jjs', {}, ['down', 'down', 'start']],
    ['k\r', {}, ['up', 'attach']],
    ['j\u0003', {}, ['down', 'quit']],
  ])('%j %j is %j', (input, flags, expected) => {
    expect(keyCommands(input, { ...NONE, ...flags })).toEqual(expected);
  });
});
