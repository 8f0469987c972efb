/**
 * JSON-RPC 2.0 params are an object or an array. Objects go by name, untouched; any other value
 * goes by position as a one-element array, which `fromWireParams` unwraps, so both ends see the
 * value they were given. (No vscode-jsonrpc here: the CLI's client loads this module.)
 */
export function isNamedParams(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `params` member for `value`: the object itself, or `[value]`; undefined sends none. */
export function toPlainWireParams(value: unknown): unknown {
  if (value === undefined) return undefined;
  return isNamedParams(value) ? value : [value];
}

/** The value a `toWireParams` sender meant; a plain array from another client stays an array. */
export function fromWireParams(params: unknown): unknown {
  if (Array.isArray(params) && params.length === 1) return params[0];
  return params;
}
