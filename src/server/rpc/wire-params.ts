import * as rpc from 'vscode-jsonrpc/node.js';

/**
 * JSON-RPC 2.0 params are an object or an array. Objects go by name, untouched; any other value
 * goes by position as a one-element array, which `fromWireParams` unwraps, so both ends see the
 * value they were given.
 */
export function toWireParams(value: unknown): { structure: rpc.ParameterStructures; params: unknown } | undefined {
  if (value === undefined) return undefined;
  if (isNamed(value)) return { structure: rpc.ParameterStructures.byName, params: value };
  return { structure: rpc.ParameterStructures.byPosition, params: value };
}

/** The value a `toWireParams` sender meant; a plain array from another client stays an array. */
export function fromWireParams(params: unknown): unknown {
  if (Array.isArray(params) && params.length === 1) return params[0];
  return params;
}

function isNamed(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
