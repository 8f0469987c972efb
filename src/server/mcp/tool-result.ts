import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { OrchestraError } from '../../core/errors.js';
import type { OperationOutcome } from './run-operation.js';

/** Where every tool error carries `{ code, message, hint, fields }` for programs, whatever the tool. */
export const errorMetaKey = 'orchestra/error';

/**
 * An operation's outcome as a tools/call result. Success: the output as structuredContent (when it
 * is an object) and as JSON text for clients that read only text. Failure: an MCP tool error
 * (`isError: true`), never a protocol error: the agent reads `E_CODE: message`, each bad field and
 * the hint; a program reads `_meta["orchestra/error"]`, and structuredContent too when the tool has
 * no outputSchema. SDK 1.32's client checks an error's structuredContent against the tool's
 * outputSchema (typescript-sdk issue 1943), so a tool with one would turn its error into a throw.
 */
export function toolResult(outcome: OperationOutcome, hasOutputSchema: boolean): CallToolResult {
  if (!outcome.ok) return toolError(outcome.error, hasOutputSchema);
  const result: CallToolResult = { content: [{ type: 'text', text: JSON.stringify(outcome.output, null, 2) }] };
  if (hasOutputSchema) result.structuredContent = outcome.output as Record<string, unknown>;
  return result;
}

export function toolError(error: OrchestraError, hasOutputSchema: boolean): CallToolResult {
  const lines = [`${error.code}: ${error.message}`];
  for (const field of error.fields ?? []) lines.push(`  ${field.field}: ${field.message}`);
  if (error.hint !== undefined) lines.push(error.hint);
  const details = {
    code: error.code,
    message: error.message,
    ...(error.hint !== undefined && { hint: error.hint }),
    ...(error.fields !== undefined && { fields: error.fields }),
  };
  return {
    isError: true,
    content: [{ type: 'text', text: lines.join('\n') }],
    _meta: { [errorMetaKey]: details },
    ...(!hasOutputSchema && { structuredContent: details }),
  };
}
