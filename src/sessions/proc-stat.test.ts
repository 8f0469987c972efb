import { describe, expect, it } from 'vitest';
import { isLiveState, parseProcStat } from './proc-stat.js';

const tail = (state: string, pgrp: number, start: string) =>
  `${state} 1 ${pgrp} ${pgrp} 34816 ${pgrp} 4194560 117 0 0 0 0 0 0 0 20 0 1 0 ${start} 2469888 233 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0`;

describe('parseProcStat', () => {
  it.each([
    ['a plain name', `4242 (sleep) ${tail('S', 4242, '98765')}`, { state: 'S', pgrp: 4242, session: 4242, startTime: '98765' }],
    ['a name with spaces', `7 (my agent) ${tail('R', 7, '1')}`, { state: 'R', pgrp: 7, session: 7, startTime: '1' }],
    ['a name holding ") ("', `8 (evil) (x) ${tail('Z', 3, '55')}`, { state: 'Z', pgrp: 3, session: 3, startTime: '55' }],
    ['a trailing newline', `9 (n) ${tail('S', 9, '12')}\n`, { state: 'S', pgrp: 9, session: 9, startTime: '12' }],
  ])('reads state, group and start time past %s', (_name, text, expected) => {
    expect(parseProcStat(text)).toEqual(expected);
  });

  it.each([
    ['no parenthesis', '4242 sleep S 1'],
    ['too few fields', '4242 (sleep) S 1 4242'],
    ['a non-numeric start time', `1 (x) ${tail('S', 1, 'abc')}`],
    ['empty text', ''],
  ])('returns undefined for %s', (_name, text) => {
    expect(parseProcStat(text)).toBeUndefined();
  });
});

describe('isLiveState', () => {
  it.each([
    ['R', true],
    ['S', true],
    ['D', true],
    ['T', true],
    ['Z', false],
    ['X', false],
    ['x', false],
  ])('%s → %s', (state, live) => {
    expect(isLiveState(state)).toBe(live);
  });
});
