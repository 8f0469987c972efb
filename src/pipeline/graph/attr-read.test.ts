import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../../core/errors.js';
import { parseDot } from '../dot/parse.js';
import { ownerOf, readBool, readDurationMs, readEnum, readFloat, readInt, readString } from './attr-read.js';
import type { Attributes } from './model.js';

/** The attributes of node `n` in `digraph { n [x=<value>] }`. */
function attrsWith(value: string): Attributes {
  return parseDot(`digraph { n [x=${value}] }`, 'p.dot').nodes.get('n')!.attrs;
}

function errorOf(read: () => unknown): { code: string; message: string; hint: string | undefined; location: unknown } {
  try {
    read();
  } catch (error) {
    if (isOrchestraError(error)) return { code: error.code, message: error.message, hint: error.hint, location: error.location };
    throw error;
  }
  throw new Error('expected an error');
}

describe('attribute readers: absent attributes', () => {
  it.each([
    ['readString', readString],
    ['readInt', readInt],
    ['readFloat', readFloat],
    ['readBool', readBool],
    ['readDurationMs', readDurationMs],
  ])('%s returns undefined', (_name, read) => {
    expect(read(attrsWith('1'), 'missing')).toBeUndefined();
  });

  it('does not read inherited object properties', () => {
    expect(readString({} as Attributes, 'constructor')).toBeUndefined();
  });
});

describe('attribute readers: accepted values', () => {
  it.each([
    ['readString', readString, '"text"', 'text'],
    ['readString', readString, 'box', 'box'],
    ['readString', readString, '42', '42'],
    ['readString', readString, '900s', '900s'],
    ['readString', readString, 'true', 'true'],
    ['readInt', readInt, '3', 3],
    ['readInt', readInt, '-1', -1],
    ['readInt', readInt, '"7"', 7],
    ['readInt', readInt, '" 7 "', 7],
    ['readFloat', readFloat, '0.5', 0.5],
    ['readFloat', readFloat, '2', 2],
    ['readFloat', readFloat, '"1.25"', 1.25],
    ['readFloat', readFloat, '"-.5"', -0.5],
    ['readBool', readBool, 'true', true],
    ['readBool', readBool, 'false', false],
    ['readBool', readBool, '"true"', true],
    ['readBool', readBool, '"FALSE"', false],
    ['readDurationMs', readDurationMs, '250ms', 250],
    ['readDurationMs', readDurationMs, '15m', 900_000],
    ['readDurationMs', readDurationMs, '"900s"', 900_000],
    ['readDurationMs', readDurationMs, '"2h"', 7_200_000],
    ['readDurationMs', readDurationMs, '30', 30_000],
    ['readDurationMs', readDurationMs, '"30"', 30_000],
    ['readDurationMs', readDurationMs, '0', 0],
  ])('%s(x=%s)', (_name, read, value, expected) => {
    expect(read(attrsWith(value), 'x')).toBe(expected);
  });

  it('readEnum accepts listed values, quoted or bare', () => {
    expect(readEnum(attrsWith('wait_all'), 'x', ['wait_all', 'first_success'])).toBe('wait_all');
    expect(readEnum(attrsWith('"first_success"'), 'x', ['wait_all', 'first_success'])).toBe('first_success');
  });
});

describe('attribute readers: wrong types', () => {
  const at = 'p.dot:1:14';
  it.each([
    ['readInt', readInt, '"three"', `must be an integer, found "three".`, 'Write a whole number, as in x=3.'],
    ['readInt', readInt, '1.5', 'must be an integer, found 1.5.', 'Write a whole number, as in x=3.'],
    ['readInt', readInt, 'true', 'must be an integer, found true.', 'Write a whole number, as in x=3.'],
    ['readInt', readInt, '5s', 'must be an integer, found 5s.', 'Write a whole number, as in x=3.'],
    ['readFloat', readFloat, 'high', 'must be a number, found high.', 'Write a number, as in x=0.5.'],
    ['readFloat', readFloat, '"1.2.3"', 'must be a number, found "1.2.3".', 'Write a number, as in x=0.5.'],
    ['readBool', readBool, '"yes"', 'must be true or false, found "yes".', 'Write true or false, as in x=true.'],
    ['readBool', readBool, '1', 'must be true or false, found 1.', 'Write true or false, as in x=true.'],
    ['readDurationMs', readDurationMs, '"soon"', 'must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".', 'Write a number followed by ms, s, m, h or d, as in x=900s; a plain whole number means seconds.'],
    ['readDurationMs', readDurationMs, '1.5', 'must be a duration such as 250ms, 900s, 15m, 2h or 1d, found 1.5.', 'Write a number followed by ms, s, m, h or d, as in x=900s; a plain whole number means seconds.'],
    ['readDurationMs', readDurationMs, '-5s', 'must be a duration such as 250ms, 900s, 15m, 2h or 1d, found -5s.', 'Write a number followed by ms, s, m, h or d, as in x=900s; a plain whole number means seconds.'],
    ['readDurationMs', readDurationMs, 'true', 'must be a duration such as 250ms, 900s, 15m, 2h or 1d, found true.', 'Write a number followed by ms, s, m, h or d, as in x=900s; a plain whole number means seconds.'],
  ])('%s(x=%s)', (_name, read, value, tail, hint) => {
    const error = errorOf(() => read(attrsWith(value), 'x', 'node "n"'));
    expect(error).toEqual({
      code: 'E_ATTRIBUTE_TYPE',
      message: `Attribute "x" of node "n" (${at}) ${tail}`,
      hint,
      location: expect.objectContaining({ file: 'p.dot', line: 1, column: 14 }),
    });
  });

  it('names no owner when none is given', () => {
    expect(errorOf(() => readInt(attrsWith('"x"'), 'x')).message).toBe(`Attribute "x" (${at}) must be an integer, found "x".`);
  });

  it('readEnum lists the allowed values', () => {
    const error = errorOf(() => readEnum(attrsWith('all'), 'x', ['wait_all', 'first_success'], 'node "n"'));
    expect(error.message).toBe(`Attribute "x" of node "n" (${at}) must be one of wait_all, first_success, found all.`);
    expect(error.hint).toBe('Write one of wait_all, first_success, as in x=wait_all.');
  });
});

describe('ownerOf', () => {
  const graph = parseDot('digraph G { a -> b }', 'p.dot');
  it.each([
    ['a node', graph.nodes.get('a')!, 'node "a"'],
    ['an edge', graph.edges[0]!, 'edge a -> b'],
    ['a named graph', graph, 'graph "G"'],
    ['an anonymous graph', parseDot('digraph { }', 'p.dot'), 'the graph'],
  ])('%s', (_name, item, expected) => {
    expect(ownerOf(item)).toBe(expected);
  });
});
