import type { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * Validates a service's input with its zod schema; the first problem becomes E_USAGE naming the
 * field (`priority: expected one of low, normal, high, urgent`). Every way in passes user data here.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, operation: string, docs = 'docs/human-tasks.md'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue?.path.map(String).join('.') || 'input';
  throw new OrchestraError(ErrorCode.USAGE, `${operation}: ${field}: ${issue?.message ?? 'invalid'}`, {
    hint: `${docs} lists each operation and its parameters.`,
  });
}
