import { STATUS_CODES } from 'node:http';
import { ErrorCode, isOrchestraError, type FieldIssue } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';
import { statusOfCode } from './status-of-code.js';

/**
 * An error as the HTTP API answers it (issue 12): RFC 9457 problem details, extended with the
 * Orchestra code the CLI prints (`E_TASK_NOT_FOUND`), its hint, and `errors` naming each bad field.
 */
export interface Problem {
  /** `urn:orchestra:error:<code>`: one type per code (RFC 9457 allows a URI that does not resolve). */
  type: string;
  /** The status's reason phrase: the same for every occurrence of a type, as RFC 9457 asks. */
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  hint?: string;
  errors?: readonly FieldIssue[];
  location?: SourceLocation;
}

export const problemContentType = 'application/problem+json';

/** What anything thrown looks like to a client; a value Orchestra did not mean to throw says nothing of itself. */
export function problemOf(error: unknown, status?: number): Problem {
  if (!isOrchestraError(error)) return problem(ErrorCode.INTERNAL, 'Orchestra failed unexpectedly; the details are in its log.', { status: 500 });
  return problem(error.code, error.message, {
    status: status ?? statusOfCode(error.code),
    hint: error.hint,
    errors: error.fields,
    location: error.location,
  });
}

export function problem(code: ErrorCode, detail: string, extra: { status?: number; hint?: string | undefined; errors?: readonly FieldIssue[] | undefined; location?: SourceLocation | undefined } = {}): Problem {
  const status = extra.status ?? statusOfCode(code);
  return {
    type: `urn:orchestra:error:${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(extra.hint !== undefined && { hint: extra.hint }),
    ...(extra.errors !== undefined && extra.errors.length > 0 && { errors: extra.errors }),
    ...(extra.location !== undefined && { location: extra.location }),
  };
}

/** The response for `p`; a 401 names the scheme it wants (RFC 6750). */
export function problemResponse(p: Problem): Response {
  const headers = new Headers({ 'content-type': problemContentType });
  if (p.status === 401) headers.set('www-authenticate', 'Bearer realm="orchestra"');
  return new Response(JSON.stringify(p), { status: p.status, headers });
}
