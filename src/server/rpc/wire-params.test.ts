import * as rpc from 'vscode-jsonrpc/node.js';
import { describe, expect, it } from 'vitest';
import { fromWireParams, toWireParams } from './wire-params.js';
import { toPlainWireParams } from './wire-shape.js';

describe('toWireParams / fromWireParams', () => {
  it.each([
    ['an object, by name', { ref: 'x' }, rpc.ParameterStructures.byName],
    ['a string, by position', 'ls\r', rpc.ParameterStructures.byPosition],
    ['a number, by position', 42, rpc.ParameterStructures.byPosition],
    ['an array, by position', [1, 2], rpc.ParameterStructures.byPosition],
    ['null, by position', null, rpc.ParameterStructures.byPosition],
  ])('sends %s and the receiver sees the same value', (_name, value, structure) => {
    const wire = toWireParams(value);
    expect(wire?.structure).toBe(structure);
    // vscode-jsonrpc wraps a by-position single param in a one-element array.
    const onTheWire = structure === rpc.ParameterStructures.byPosition ? [wire?.params] : wire?.params;
    expect(fromWireParams(onTheWire)).toEqual(value);
  });

  it('sends nothing for undefined', () => {
    expect(toWireParams(undefined)).toBeUndefined();
    expect(fromWireParams(undefined)).toBeUndefined();
  });
});

describe('issue 9: toPlainWireParams (the CLI client without vscode-jsonrpc)', () => {
  it.each([['an object', { ref: 'x' }], ['a string', 'ls\r'], ['an array', [1, 2]], ['null', null]])('puts %s on the wire as vscode-jsonrpc does', (_name, value) => {
    const wire = toWireParams(value);
    const vscode = wire?.structure === rpc.ParameterStructures.byPosition ? [wire?.params] : wire?.params;
    expect(toPlainWireParams(value)).toEqual(vscode);
  });
});
