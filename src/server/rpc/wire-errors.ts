import { ErrorCode, OrchestraError, isOrchestraError } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';

/** The JSON-RPC error code every Orchestra error travels under; `data.code` says which one. */
export const ORCHESTRA_RPC_ERROR = -32000;

/** What crosses the wire in `error.data`. Never a stack. */
export interface RpcErrorData {
  code: ErrorCode;
  hint?: string;
  detail?: string;
  location?: SourceLocation;
}

/** A JSON-RPC error response's `error` member. */
export interface WireError {
  code: number;
  message: string;
  data?: unknown;
}

export const versionHint = 'The CLI and the daemon may be different versions: check `orchestra daemon status`, and restart the daemon (`orchestra daemon stop`) after an upgrade.';
const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Client side: the error a call rejects with, rebuilt as the OrchestraError the daemon threw. */
export function fromWireError(error: WireError | unknown, method: string): OrchestraError {
  if (isWireError(error) && error.code === ORCHESTRA_RPC_ERROR && isErrorData(error.data)) {
    const { code, hint, detail, location } = error.data;
    return new OrchestraError(code, error.message, { hint, detail, location });
  }
  if (isOrchestraError(error)) return error;
  return new OrchestraError(ErrorCode.DAEMON, `daemon call ${method} failed: ${messageOf(error)}`, {
    hint: versionHint,
    cause: error,
  });
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (isWireError(error)) return error.message;
  return String(error);
}

function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && typeof (value as WireError).code === 'number' && typeof (value as WireError).message === 'string';
}

function isErrorData(value: unknown): value is RpcErrorData {
  return typeof value === 'object' && value !== null && knownCodes.has((value as { code?: unknown }).code as string);
}
