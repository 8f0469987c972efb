import type { HttpMethod } from '../services/api/operation.js';

/** What a call sends: the path with its `{name}` fields filled in, and the rest as query or JSON body. */
export interface HttpRequestParts {
  path: string;
  query: URLSearchParams;
  body?: string;
}

/**
 * The REST mapping of issue 12: `{name}` segments of the path are input fields; the other fields
 * are the query string for get and delete (an array as one parameter per item, an object as JSON),
 * the JSON body otherwise.
 */
export function requestParts(http: { method: HttpMethod; path: string }, input: Record<string, unknown>): HttpRequestParts {
  const rest: Record<string, unknown> = { ...input };
  const path = http.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value ?? ''));
  });
  const query = new URLSearchParams();
  if (http.method !== 'get' && http.method !== 'delete') return { path, query, body: JSON.stringify(rest) };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  return { path, query };
}
