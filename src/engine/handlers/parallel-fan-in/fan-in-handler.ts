import { isSuccessful, type Outcome } from '../../../core/outcome.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import { writeStageFile } from '../stage-file.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { expandPrompt } from '../codergen/expand-prompt.js';
import { PARALLEL_RESULTS_KEY, type ParallelResult } from '../parallel/parallel-results.js';
import { pickFromReply, rankingPrompt } from './llm-ranking.js';
import { rankCandidates } from './rank-candidates.js';
import { readParallelResults } from './read-results.js';
import { agentRequestFor } from '../agent-request.js';
import { contextFromSection, withOutputSection } from '../upstream/index.js';
import { branchOutputSection } from './branch-outputs.js';
import { mergeBranchWork, mergedNote } from './merge-branches.js';

/**
 * Fan-in (shape tripleoctagon, decision 6): picks the best branch result, by the backend when the
 * node has a `prompt`, else by the heuristic ranking, and applies the winner's context updates.
 * FAIL only when no branch succeeded. With a workspace (issue 14) it first merges the branches'
 * work into the walk's worktrees (merge-branches.ts); a conflict it cannot resolve fails it.
 */
export function createFanInHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const read = readParallelResults(input.context.get(PARALLEL_RESULTS_KEY));
      if (!read.ok) return { status: 'fail', failureReason: read.problem };
      const { results } = read;
      if (results.length === 0) return { status: 'fail', failureReason: 'No parallel results to evaluate' };
      const merge = await mergeBranchWork(input, results);
      if (merge?.ok === false) return { status: 'fail', failureReason: merge.failureReason };

      const ranked = rankCandidates(results);
      const instruction = readString(input.node.attrs, 'prompt')?.trim();
      const asked = instruction ? await askBackend(input, instruction, results) : { how: 'ranked by status and score' };
      const best = asked.choice ?? ranked[0]!;
      const { how } = asked;

      const selection = { 'parallel.fan_in.best_id': best.id, 'parallel.fan_in.best_outcome': best.status };
      if (!results.some((r) => isSuccessful(r.status))) {
        return { status: 'fail', failureReason: `All ${results.length} parallel branches failed`, contextUpdates: selection };
      }
      return { status: 'success', notes: `Selected best candidate: ${best.id} (${how})${merge ? mergedNote(merge.merged) : ''}`, contextUpdates: { ...best.context_updates, ...selection } };
    },
  };
}

interface BackendChoice {
  /** Undefined when the reply names no candidate or the backend failed: the heuristic decides then. */
  choice?: ParallelResult;
  how: string;
}

async function askBackend(input: HandlerInput, instruction: string, results: readonly ParallelResult[]): Promise<BackendChoice> {
  const { services, stageDir } = input;
  const instructionText = withOutputSection(expandPrompt(instruction, input.graph, input.context, input.run.variables), await contextFromSection(input));
  const prompt = rankingPrompt(instructionText, results, (await branchOutputSection(input, results)).text);
  await writeStageFile(services, stageDir, 'prompt.md', prompt);
  let reply: string;
  try {
    const result = await services.backend.run(agentRequestFor(input, prompt));
    reply = typeof result === 'string' ? result : (result.response ?? '');
  } catch (error) {
    if (input.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { how: `backend failed (${message}), ranked by status and score` };
  }
  await writeStageFile(services, stageDir, 'response.md', reply);
  const id = pickFromReply(reply, results.map((r) => r.id));
  const choice = results.find((r) => r.id === id);
  return choice ? { choice, how: 'chosen by the backend' } : { how: 'backend reply named no candidate, ranked by status and score' };
}
