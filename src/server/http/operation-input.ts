import type { Context } from 'hono';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Operation } from '../../services/api/index.js';
import type { ApiEnv } from './api-env.js';
import type { JsonSchema } from './json-schema.js';
import { coerceParams } from './query-coercion.js';
import { pathParams } from './route-path.js';

/**
 * The raw input of `op` from a request, before its schema checks it: the path's `{name}` segments,
 * and the query string (`get`, `delete`) or the JSON body (the others). A path segment wins over a
 * body field of the same name: the URL names the resource.
 */
export async function readOperationInput(c: Context<ApiEnv>, op: Operation, input: JsonSchema): Promise<unknown> {
  const fromPath = coerceParams(Object.fromEntries(pathParams(op.http.path).map((name) => [name, [c.req.param(name) ?? '']])), input);
  if (op.http.method === 'get' || op.http.method === 'delete') return { ...coerceParams(c.req.queries(), input), ...fromPath };
  const body = await readJsonBody(c);
  return isPlainObject(body) ? { ...body, ...fromPath } : body === undefined ? fromPath : body;
}

async function readJsonBody(c: Context<ApiEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new OrchestraError(ErrorCode.USAGE, `the request body is not JSON: ${(error as Error).message}`, { hint: 'Send the input as a JSON object with Content-Type: application/json.' });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
