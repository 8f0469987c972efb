import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { exitCodeFor, ExitCode, isOrchestraError, type FieldIssue, type OrchestraError } from '../../core/errors.js';

/** What a tRPC client finds in `error.data.orchestra`: the code the CLI and REST report, its hint, the bad fields. */
export interface OrchestraErrorData {
  code: string;
  hint?: string;
  fields?: FieldIssue[];
}

/** The tRPC code of an Orchestra error: bad input, not found, a state forbidding it, not allowed, else internal. */
function trpcCodeOf(error: OrchestraError): TRPC_ERROR_CODE_KEY {
  if (error.code === 'E_NOT_ELIGIBLE') return 'FORBIDDEN';
  const byExit: Partial<Record<ExitCode, TRPC_ERROR_CODE_KEY>> = { [ExitCode.USAGE]: 'BAD_REQUEST', [ExitCode.NOT_FOUND]: 'NOT_FOUND', [ExitCode.CONFLICT]: 'CONFLICT' };
  return byExit[exitCodeFor(error.code)] ?? 'INTERNAL_SERVER_ERROR';
}

/** An OrchestraError as a TRPCError carrying it as its cause (the error formatter reads it back). */
export function toTrpcError(error: unknown): unknown {
  if (!isOrchestraError(error)) return error;
  return new TRPCError({ code: trpcCodeOf(error), message: error.message, cause: error });
}

/** An input that failed its schema: the issues (path, message) a standard-schema validator left in the cause. */
function inputIssues(cause: unknown): FieldIssue[] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((issue: { path?: readonly (PropertyKey | { key: PropertyKey })[]; message?: string }) => ({
    field: (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.') || 'input',
    message: issue.message ?? 'invalid',
  }));
}

/**
 * `data.orchestra` of an error shape: an Orchestra error's code, hint and fields; a bad input as
 * E_USAGE naming each field; anything else (a bug) as E_INTERNAL, its message not shown.
 */
export function orchestraDataOf(error: TRPCError): { data: OrchestraErrorData; message: string } {
  const cause = error.cause;
  if (isOrchestraError(cause)) {
    return { message: cause.message, data: { code: cause.code, ...(cause.hint !== undefined && { hint: cause.hint }), ...(cause.fields && { fields: [...cause.fields] }) } };
  }
  const fields = error.code === 'BAD_REQUEST' ? inputIssues(cause) : undefined;
  if (fields) return { message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), data: { code: 'E_USAGE', fields, hint: 'docs/api.md lists each operation and its input.' } };
  if (error.code === 'INTERNAL_SERVER_ERROR') return { message: 'internal error', data: { code: 'E_INTERNAL' } };
  return { message: error.message, data: { code: error.code === 'FORBIDDEN' ? 'E_FORBIDDEN' : 'E_USAGE' } };
}
