import type { z } from 'zod';
import type { FieldIssue } from '../../core/errors.js';

/** Every zod issue as the field it is about (`a.b.0`; `(input)` for the input as a whole) and what is wrong. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}
