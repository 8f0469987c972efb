import { z } from 'zod';
import { ErrorCode, OrchestraError, isOrchestraError } from '../../core/errors.js';
import type { ApiCaller, ApiDeps, Operation } from '../../services/api/index.js';
import { inputError } from './input-error.js';

export type OperationOutcome = { ok: true; output: unknown } | { ok: false; error: OrchestraError };

/**
 * Runs one operation for MCP (a tool call or a resource read): the input checked by the operation's
 * own zod schema (a bad one names its field, E_USAGE), the handler, and its result through the
 * output schema. Never throws: every failure is an OrchestraError the caller turns into MCP's shape.
 */
export async function runOperation(op: Operation, deps: ApiDeps, caller: ApiCaller, args: unknown): Promise<OperationOutcome> {
  const input = op.input.safeParse(args ?? {});
  if (!input.success) return { ok: false, error: inputError(op, input.error) };
  let result: unknown;
  try {
    result = await op.handle(deps, caller, input.data);
  } catch (error) {
    // A zod failure inside a handler checked something the caller sent: E_USAGE with its fields.
    if (error instanceof z.ZodError) return { ok: false, error: inputError(op, error) };
    return { ok: false, error: isOrchestraError(error) ? error : unexpected(deps, op, error) };
  }
  const output = op.output.safeParse(result);
  return output.success ? { ok: true, output: output.data } : { ok: false, error: unexpected(deps, op, output.error) };
}

// Its text is logged, not shown: it may hold paths or data the caller should not see.
function unexpected(deps: ApiDeps, op: Operation, error: unknown): OrchestraError {
  deps.log.error('an MCP call failed unexpectedly', { operation: op.name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return new OrchestraError(ErrorCode.INTERNAL, `${op.name} failed unexpectedly`, { hint: "This is a bug in Orchestra: the daemon's log has the details." });
}
