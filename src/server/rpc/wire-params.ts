import * as rpc from 'vscode-jsonrpc/node.js';
import { isNamedParams } from './wire-shape.js';

export { fromWireParams } from './wire-shape.js';

/** `toPlainWireParams` (wire-shape.ts) for vscode-jsonrpc's sendRequest/sendNotification, which take the structure apart. */
export function toWireParams(value: unknown): { structure: rpc.ParameterStructures; params: unknown } | undefined {
  if (value === undefined) return undefined;
  if (isNamedParams(value)) return { structure: rpc.ParameterStructures.byName, params: value };
  return { structure: rpc.ParameterStructures.byPosition, params: value };
}
