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
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; hint?: string };
  return new ApiError(response.status, problem.code ?? 'E_HTTP', problem.detail ?? `${response.status} ${response.statusText}`, problem.hint);
}
