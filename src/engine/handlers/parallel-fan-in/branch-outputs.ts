import type { HandlerInput } from '../../handler.js';
import type { ParallelResult } from '../parallel/parallel-results.js';
import { readNodeOutput, renderOutputSection, type OutputSection } from '../upstream/index.js';

export const branchOutputsHeading = 'What each branch produced (the output of its last node):';

/**
 * The branches' outputs for the fan-in's prompt (issue 9: "pick the best review" must see the
 * reviews): each branch's last node's latest output, headed by the branch id and node id, within
 * the output budget (docs/pipelines.md).
 */
export async function branchOutputSection(input: HandlerInput, results: readonly ParallelResult[]): Promise<OutputSection> {
  const outputs = await Promise.all(
    results.map(async (result) => {
      const text = input.graph.nodes.has(result.last_node) ? await readNodeOutput(input.services, input.services.stageDirOf(result.last_node)) : undefined;
      return { label: `branch "${result.id}" (node "${result.last_node}", ${result.status})`, text: text ?? '(no output recorded)' };
    }),
  );
  return renderOutputSection(branchOutputsHeading, outputs);
}
