/*
 * The dashboard's only way to the daemon: the public HTTP API, same origin, with the session
 * cookie (HttpOnly: this code never sees it). A failed call throws ApiError with the problem's
 * code and detail, so pages can show what the server said.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** A POST, PATCH or DELETE with a JSON body; the problem's field issues ride on the ApiError (`fields`). */
export async function apiSend<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await errorOf(response);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** One field the server refused (problem+json `errors`): its path and why. */
export interface FieldIssue {
  field: string;
  message: string;
}

async function errorOf(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; hint?: string; errors?: FieldIssue[] };
  return new ApiError(response.status, problem.code ?? 'E_HTTP', problem.detail ?? `${response.status} ${response.statusText}`, problem.hint, problem.errors ?? []);
}
