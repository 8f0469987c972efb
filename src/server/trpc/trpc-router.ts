import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { allows, type Operation } from '../../services/api/index.js';
import { toTrpcError } from './trpc-errors.js';
import { t, type TrpcContext, type TrpcRoot } from './trpc-init.js';

type Def<Op extends Operation> = { input: z.input<Op['input']>; output: z.output<Op['output']>; meta: object };
type ProcedureOf<Op extends Operation> = Op['http']['method'] extends 'get' ? TRPCQueryProcedure<Def<Op>> : TRPCMutationProcedure<Def<Op>>;
type AreaOf<N> = N extends `${infer A}.${string}` ? A : never;

/** The procedures of `Ops`: `area.verb` nested as `{ area: { verb } }`, a name without a dot at the top. */
export type TrpcRecordOf<Ops extends readonly Operation[]> = {
  [A in AreaOf<Ops[number]['name']>]: { [Op in Ops[number] as Op['name'] extends `${A}.${infer V}` ? V : never]: ProcedureOf<Op> };
} & { [Op in Ops[number] as Op['name'] extends `${string}.${string}` ? never : Op['name']]: ProcedureOf<Op> };

export type TrpcRouterOf<Ops extends readonly Operation[]> = TRPCBuiltRouter<TrpcRoot, TrpcRecordOf<Ops>>;

/** One operation as a procedure: query for a GET, mutation otherwise; access checked, errors as tRPC errors. */
function procedureOf(op: Operation) {
  const builder = t.procedure.input(op.input).output(op.output);
  const resolve = async ({ ctx, input }: { ctx: TrpcContext; input: unknown }) => {
    if (!allows(ctx.caller.access, op.access)) throw new TRPCError({ code: 'FORBIDDEN', message: `${op.name} needs a ${op.access} token; this one is ${ctx.caller.access}` });
    try {
      return await op.handle(ctx.deps, ctx.caller, input);
    } catch (error) {
      throw toTrpcError(error);
    }
  };
  return op.http.method === 'get' ? builder.query(resolve) : builder.mutation(resolve);
}

/**
 * The tRPC router over `operations` (issue 12): a procedure per operation at its name (`humanTasks.answer`
 * is `humanTasks` → `answer`), its input the operation's zod input, its output checked by the output schema.
 */
export function createTrpcRouter<const Ops extends readonly Operation[]>(operations: Ops): TrpcRouterOf<Ops> {
  const areas: Record<string, Record<string, ReturnType<typeof procedureOf>>> = {};
  const top: Record<string, ReturnType<typeof procedureOf>> = {};
  for (const op of operations) {
    const dot = op.name.indexOf('.');
    if (dot < 0) top[op.name] = procedureOf(op);
    else (areas[op.name.slice(0, dot)] ??= {})[op.name.slice(dot + 1)] = procedureOf(op);
  }
  const nested = Object.fromEntries(Object.entries(areas).map(([area, procedures]) => [area, t.router(procedures)]));
  // The record is built from the same tuple TrpcRecordOf maps; the router test holds the two together.
  return t.router({ ...top, ...nested }) as unknown as TrpcRouterOf<Ops>;
}
