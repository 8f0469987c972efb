import { z } from 'zod';
import { StageStatuses } from '../../../core/outcome.js';
import type { StageStatus } from '../../../core/events.js';
import type { ParallelResult } from '../parallel/parallel-results.js';

const resultSchema = z.object({
  id: z.string(),
  status: z.enum(StageStatuses as [StageStatus, ...StageStatus[]]),
  notes: z.string().nullish(),
  failure_reason: z.string().nullish(),
  last_node: z.string().nullish(),
  score: z.number().nullish(),
  context_updates: z.record(z.string(), z.unknown()).nullish(),
  workspace: z.object({ node: z.string(), index: z.number().int().nonnegative(), branches: z.record(z.string(), z.string()) }).nullish(),
});

export type ReadResults = { ok: true; results: ParallelResult[] } | { ok: false; problem: string };

/**
 * `parallel.results` as the fan-in sees it. The value comes from the context, which may have been
 * restored from a checkpoint or set by a custom handler, so it is checked, not trusted.
 */
export function readParallelResults(value: unknown): ReadResults {
  if (value === undefined || value === null) return { ok: true, results: [] };
  const parsed = z.array(resultSchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, problem: `parallel.results is not a list of branch results${where}: ${issue?.message ?? 'unknown problem'}` };
  }
  return {
    ok: true,
    results: parsed.data.map((r) => ({
      id: r.id,
      status: r.status,
      notes: r.notes ?? null,
      failure_reason: r.failure_reason ?? null,
      last_node: r.last_node ?? r.id,
      score: r.score ?? null,
      context_updates: r.context_updates ?? {},
      ...(r.workspace && { workspace: r.workspace }),
    })),
  };
}
