import type { Context, Hono } from 'hono';
import { exitCodeFor, ExitCode, isOrchestraError } from '../../core/errors.js';
import { allows, type Operation } from '../../services/api/index.js';
import type { ApiEnv } from '../../server/http/api-env.js';

/*
 * A minimal REST router for the client's tests, mimicking the HTTP API's mapping of issue 12 until
 * the client test moves to createHttpApp: `{name}` path params, the query string for get and
 * delete (repeated keys for arrays, numbers as numbers), the JSON body otherwise; problem+json errors.
 */

function queryInput(c: Context<ApiEnv>, op: Operation): Record<string, unknown> {
  const shape = (op.input as unknown as { shape?: Record<string, { def?: { type?: string; innerType?: { def?: { type?: string } } } }> }).shape ?? {};
  const input: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    const def = shape[key]?.def;
    const isArray = def?.type === 'array' || def?.innerType?.def?.type === 'array';
    input[key] = isArray ? values : /^\d+$/.test(values[0] ?? '') ? Number(values[0]) : values[0];
  }
  return input;
}

function problem(c: Context<ApiEnv>, error: unknown): Response {
  const status = isOrchestraError(error) ? ({ [ExitCode.USAGE]: 400, [ExitCode.NOT_FOUND]: 404, [ExitCode.CONFLICT]: 409 } as Record<number, number>)[exitCodeFor(error.code)] ?? 500 : 500;
  const body = isOrchestraError(error) ? { title: error.code, status, detail: error.message, code: error.code, hint: error.hint, fields: error.fields } : { title: 'internal error', status, code: 'E_INTERNAL' };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

export function mountRestStandIn(app: Hono<ApiEnv>, ops: readonly Operation[]): void {
  for (const op of ops) {
    app.on(op.http.method.toUpperCase(), op.http.path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
      const caller = c.get('caller');
      if (!allows(caller.access, op.access)) return c.json({ status: 403, code: 'E_FORBIDDEN', detail: `needs a ${op.access} token` }, 403);
      const fromBody = op.http.method === 'get' || op.http.method === 'delete' ? queryInput(c, op) : ((await c.req.json()) as Record<string, unknown>);
      const parsed = op.input.safeParse({ ...fromBody, ...c.req.param() });
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
        return c.body(JSON.stringify({ status: 400, code: 'E_USAGE', detail: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields }), 400, { 'content-type': 'application/problem+json' });
      }
      try {
        return c.json(op.output.parse(await op.handle(c.get('deps'), caller, parsed.data)) as object);
      } catch (error) {
        return problem(c, error);
      }
    });
  }
}
