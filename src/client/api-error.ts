import type { FieldIssue } from '../core/errors.js';

/**
 * A failed call of the Orchestra API (issue 12), from its RFC 9457 problem+json: the same code the
 * CLI reports (`E_HUMAN_TASK_NOT_FOUND`…), its hint, the HTTP status, and each bad field.
 */
export class OrchestraApiError extends Error {
  override readonly name = 'OrchestraApiError';
  readonly code: string;
  readonly hint: string | undefined;
  readonly status: number;
  readonly fields: readonly FieldIssue[] | undefined;

  constructor(code: string, message: string, options: { status: number; hint?: string; fields?: readonly FieldIssue[] }) {
    super(message);
    this.code = code;
    this.status = options.status;
    this.hint = options.hint;
    this.fields = options.fields;
  }
}

interface Problem {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
  hint?: unknown;
  /** The bad fields (src/server/http/problem.ts names them `errors`). */
  errors?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function fieldsOf(value: unknown): FieldIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((f): f is FieldIssue => typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string');
}

/** The error a non-2xx response stands for; a body that is not problem+json still gives its status. */
export async function apiErrorOf(response: Response): Promise<OrchestraApiError> {
  const body = await response.text();
  let problem: Problem = {};
  try {
    problem = JSON.parse(body) as Problem;
  } catch {
    problem = { detail: body.slice(0, 500) || response.statusText };
  }
  const hint = text(problem.hint);
  const fields = fieldsOf(problem.errors);
  return new OrchestraApiError(text(problem.code) ?? `HTTP_${response.status}`, text(problem.detail) ?? text(problem.title) ?? response.statusText, {
    status: response.status,
    ...(hint !== undefined && { hint }),
    ...(fields && { fields }),
  });
}
