import type { z } from 'zod';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { ApiDeps } from './deps.js';

/**
 * What a token may do (issue 12): `read` runs read-only operations, `write` also changes things,
 * `admin` also manages tokens. The local CLI acts as `admin`.
 */
export type Access = 'read' | 'write' | 'admin';

/** Whether `granted` covers `needed` (admin ⊃ write ⊃ read). */
export function allows(granted: Access, needed: Access): boolean {
  const rank: Record<Access, number> = { read: 0, write: 1, admin: 2 };
  return rank[granted] >= rank[needed];
}

/** Who calls an operation: authenticated by the way in (a token over HTTP and MCP, the local user on the CLI). */
export interface ApiCaller {
  scope: TenantScope;
  /** The acting user's id (a token's user, or the local identity). */
  user: string;
  access: Access;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/**
 * One operation a program or an agent can do (issue 12), defined once and served by every way in:
 * a REST route (`http`), a tRPC procedure and a typed-client method (`name`), an MCP tool (`mcp`),
 * and its OpenAPI entry, all from the same zod `input` and `output`. The handler calls the services
 * (src/services/*) and holds no logic of its own beyond mapping input to them.
 *
 * HTTP mapping: `{name}` segments of `http.path` are input fields; the other fields are the query
 * string for `get` and `delete`, the JSON body otherwise.
 */
export interface Operation<N extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, M extends HttpMethod = HttpMethod> {
  /** `area.verb` (`humanTasks.answer`): the tRPC path and the typed client's method. */
  name: N;
  /** One line: the OpenAPI summary and the MCP tool's title. */
  summary: string;
  /** What it does and returns, for a program's author and for an agent choosing a tool. */
  description: string;
  access: Access;
  /** Deletes or discards something (MCP destructiveHint). */
  destructive?: boolean;
  /** Calling it twice with the same input changes nothing more (MCP idempotentHint). */
  idempotent?: boolean;
  input: I;
  output: O;
  /** The method stays a literal type: tRPC makes a `get` a query, every other method a mutation. */
  http: { method: M; path: string };
  /** The MCP tool name (snake_case), or false when the operation is not a tool. */
  mcp: string | false;
  handle(deps: ApiDeps, caller: ApiCaller, input: z.output<I>): Promise<z.input<O>>;
}

/** Identity, there for inference: the handler's input and result types come from the schemas. */
export function defineOperation<const N extends string, I extends z.ZodType, O extends z.ZodType, const M extends HttpMethod>(operation: Operation<N, I, O, M>): Operation<N, I, O, M> {
  return operation;
}

/** The typed call of each operation by name: what `orchestra/client` and tRPC expose. */
export type OperationCalls<Ops extends readonly Operation[]> = {
  [Op in Ops[number] as Op['name']]: (input: z.input<Op['input']>) => Promise<z.output<Op['output']>>;
};
