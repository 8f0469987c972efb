import type { z } from 'zod';
// Types only: at run time the client needs the routes, not the table's handlers and what they load.
import type { operations } from '../services/api/operations.js';
import type { Operation } from '../services/api/operation.js';
import { apiErrorOf } from './api-error.js';
import { requestParts } from './http-request.js';
import { routes, type Route } from './routes.js';

export { OrchestraApiError } from './api-error.js';
/** The tRPC router's type, for `createTRPCClient<OrchestraRouter>` against `/trpc` (docs/api.md "tRPC"). */
export type { OrchestraRouter } from '../server/trpc/index.js';

export interface ClientOptions {
  /** The API's base URL (`orchestra daemon status --json` prints it), e.g. `http://127.0.0.1:7412`. */
  url: string;
  /** A bearer token (`orchestra token create`). */
  token: string;
  /** Default the global fetch. */
  fetch?: typeof fetch;
}

type Call<Op extends Operation> = (...input: object extends z.input<Op['input']> ? [input?: z.input<Op['input']>] : [input: z.input<Op['input']>]) => Promise<z.output<Op['output']>>;
type AreaOf<N> = N extends `${infer A}.${string}` ? A : never;

/** The calls of `Ops`, by area: `humanTasks.answer` is `client.humanTasks.answer(input)`. */
export type ClientOf<Ops extends readonly Operation[]> = {
  [A in AreaOf<Ops[number]['name']>]: { [Op in Ops[number] as Op['name'] extends `${A}.${infer V}` ? V : never]: Call<Op> };
};

export type OrchestraClient = ClientOf<typeof operations>;

/**
 * A client of the operations `ops` over their REST routes; createClient is this over every operation.
 * Only each operation's name and route are used, so `ops` may be the operations themselves.
 */
export function createClientFor<const Ops extends readonly Operation[]>(ops: Ops | readonly Route[], options: ClientOptions): ClientOf<Ops> {
  const send = options.fetch ?? fetch;
  const base = options.url.replace(/\/+$/, '');
  const call = (op: Route) => async (input: Record<string, unknown> = {}) => {
    const { path, query, body } = requestParts(op.http, input);
    const search = query.size > 0 ? `?${query.toString()}` : '';
    const response = await send(`${base}${path}${search}`, {
      method: op.http.method.toUpperCase(),
      headers: { authorization: `Bearer ${options.token}`, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body }),
    });
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json()) as unknown;
  };
  const client: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const [area = op.name, verb = op.name] = op.name.split(/\.(.*)/s);
    (client[area] ??= {})[verb] = call(op);
  }
  // Built from the same tuple ClientOf maps; the client test holds the two together.
  return client as unknown as ClientOf<Ops>;
}

/**
 * The typed client of the Orchestra HTTP API (issue 12, `import { createClient } from 'orchestra/client'`):
 * one method per operation, grouped by area, typed from the operations' zod schemas. A failed call
 * throws OrchestraApiError with the API's code, message, hint, HTTP status and bad fields.
 */
export function createClient(options: ClientOptions): OrchestraClient {
  return createClientFor<typeof operations>(routes, options);
}
