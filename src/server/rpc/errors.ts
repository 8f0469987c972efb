import type { z } from 'zod';
import * as rpc from 'vscode-jsonrpc/node.js';
import { didYouMean } from '../../core/closest-name.js';
import { ErrorCode, OrchestraError, isOrchestraError } from '../../core/errors.js';
import { ORCHESTRA_RPC_ERROR, fromWireError, messageOf, versionHint, type RpcErrorData } from './wire-errors.js';

export { ORCHESTRA_RPC_ERROR, fromWireError, type RpcErrorData } from './wire-errors.js';

/** Server side: any thrown value as the error response. Only an OrchestraError keeps its code. */
export function toResponseError(error: unknown): rpc.ResponseError<RpcErrorData> {
  const orchestra = isOrchestraError(error) ? error : new OrchestraError(ErrorCode.INTERNAL, messageOf(error));
  const data: RpcErrorData = { code: orchestra.code };
  if (orchestra.hint !== undefined) data.hint = orchestra.hint;
  if (orchestra.detail !== undefined) data.detail = orchestra.detail;
  if (orchestra.location !== undefined) data.location = orchestra.location;
  return new rpc.ResponseError(ORCHESTRA_RPC_ERROR, orchestra.message, data);
}

/** Client side: the error a call rejects with, rebuilt as the OrchestraError the daemon threw. */
export function fromResponseError(error: unknown, method: string): OrchestraError {
  // A ResponseError has the wire error's code, message and data.
  return fromWireError(error, method);
}

/** Bad params as E_USAGE naming the method and each field: `task.start: params.ref: expected string`. */
export function paramsError(method: string, error: z.ZodError): OrchestraError {
  const problems = error.issues.map((issue) => `${formatParamPath(issue.path)}: ${describeIssue(issue.message)}`);
  return new OrchestraError(ErrorCode.USAGE, `${method}: ${problems.join('; ')}`, { hint: versionHint });
}

/** E_USAGE for a method the daemon does not serve, with a did-you-mean. */
export function unknownMethodError(method: string, known: readonly string[]): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `unknown daemon method "${method}".${didYouMean(method, known)}`, {
    hint: `The daemon serves: ${[...known].sort().join(', ')}. ${versionHint}`,
  });
}

/** `params.task.ref`, `params.items[2].name`. */
export function formatParamPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), 'params');
}

// zod says "Invalid input: expected string, received number"; after "params.ref:" the lead-in is noise.
function describeIssue(message: string): string {
  const text = message.replace(/^Invalid input:\s*/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

