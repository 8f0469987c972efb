import type { z } from 'zod';
import { ErrorCode, OrchestraError, type FieldIssue } from '../../core/errors.js';
import type { Operation } from '../../services/api/index.js';

/** Bad arguments as E_USAGE naming each field (`fields`), like a bad answer to a form. */
export function inputError(op: Operation, error: z.ZodError): OrchestraError {
  const fields: FieldIssue[] = error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)', message: issue.message }));
  const named = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
  return new OrchestraError(ErrorCode.USAGE, `invalid arguments for ${op.mcp === false ? op.name : op.mcp}: ${named}`, {
    hint: "The tool's inputSchema (tools/list) gives each field's type.",
    fields,
  });
}
