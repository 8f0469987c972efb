// google.rpc status names by HTTP status, as the Gemini API reports them.
const GEMINI_STATUSES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** The Gemini API's error body: `{ error: { code, message, status } }`. */
export function geminiErrorBody(status: number, message: string): unknown {
  return { error: { code: status, message, status: GEMINI_STATUSES[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT') } };
}
