import { describe, expect, it } from 'vitest';
import { deriveClass, splitClassList } from './class-names.js';

describe('deriveClass', () => {
  it.each([
    ['Loop A', 'loop-a'],
    ['loop-a', 'loop-a'],
    ['Review & Fix (v2)', 'review--fix-v2'],
    ['  Padded ', '--padded-'],
    ['Ünïcode', 'ncode'],
    ['under_score', 'underscore'],
    ['!!!', undefined],
    ['', undefined],
  ])('%j → %j', (label, expected) => {
    expect(deriveClass(label)).toBe(expected);
  });
});

describe('splitClassList', () => {
  it.each([
    ['code', ['code']],
    ['code,critical', ['code', 'critical']],
    [' code , critical ', ['code', 'critical']],
    ['code,,', ['code']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(splitClassList(text)).toEqual(expected);
  });
});
