import { z } from 'zod';
import { completeIssue, text } from './schema-parts.js';

/** How values of one output field found on several JSON lines are combined. */
export const Reduces = ['last', 'first', 'sum', 'count', 'join'] as const;
export type Reduce = (typeof Reduces)[number];

/** The figures a CLI's JSON lines may carry, as keys of `output`. */
export const OutputFieldNames = ['text', 'session_id', 'cost_usd', 'turns', 'tool_uses', 'is_error'] as const;
export type OutputFieldName = (typeof OutputFieldNames)[number];

const fieldSchema = z.union([
  text,
  z.strictObject({
    path: text,
    when: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    reduce: z.enum(Reduces).optional(),
  }),
]);
export type OutputFieldStanza = z.output<typeof fieldSchema>;

const outputObject = z
  .strictObject({
    format: z.enum(['text', 'jsonl']),
    text: fieldSchema.optional(),
    session_id: fieldSchema.optional(),
    cost_usd: fieldSchema.optional(),
    /** The first config format's name for cost_usd. */
    cost: fieldSchema.optional(),
    turns: fieldSchema.optional(),
    tool_uses: fieldSchema.optional(),
    is_error: fieldSchema.optional(),
  })
  .superRefine((output, ctx) => {
    const given = [...OutputFieldNames, 'cost' as const].filter((key) => output[key] !== undefined);
    if (output.format === 'text' && given[0] !== undefined) ctx.addIssue(completeIssue([given[0]], 'a field path needs format: jsonl (with format: text the whole standard output is the answer)'));
    if (output.cost !== undefined && output.cost_usd !== undefined) ctx.addIssue(completeIssue(['cost'], 'cost is the older name of cost_usd; give only one of them'));
  });

/** `output:` as written: `text`, `jsonl`, or a mapping with `format` and field paths. */
export const cliOutputSchema = z.union([z.enum(['text', 'jsonl']), outputObject]);

/** `output` with the shorthand expanded and `cost` read as `cost_usd`. */
export type ResolvedCliOutput = { format: 'text' } | ({ format: 'jsonl' } & Partial<Record<OutputFieldName, OutputFieldStanza>>);

export function resolveCliOutput(output: z.output<typeof cliOutputSchema>): ResolvedCliOutput {
  if (typeof output === 'string') return { format: output };
  if (output.format === 'text') return { format: 'text' };
  const { format: _format, cost, cost_usd, ...fields } = output;
  const costUsd = cost_usd ?? cost;
  return { format: 'jsonl', ...stripUndefined(fields), ...(costUsd !== undefined && { cost_usd: costUsd }) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
