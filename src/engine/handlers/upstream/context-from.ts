import { CONTEXT_FROM, parseContextFrom } from '../../../pipeline/attributes/context-from.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../../pipeline/graph/model.js';
import type { HandlerInput } from '../../handler.js';
import { renderOutputSection, type OutputSection } from './output-section.js';
import { readNodeOutput } from './read-output.js';

export { CONTEXT_FROM as contextFromAttr } from '../../../pipeline/attributes/context-from.js';

export const contextFromHeading = 'Outputs of earlier nodes (context.from):';

/** The ids a node's `context.from` names, in order, each once. */
export function contextFromIds(node: GraphNode): string[] {
  return parseContextFrom(readString(node.attrs, CONTEXT_FROM) ?? '').map((listed) => listed.id);
}

/**
 * The section of a node's prompt holding the latest outputs of the nodes its `context.from` names,
 * each with its node id, within the output budget. A named node that has not run (or wrote no
 * output) is said so, rather than silently left out.
 */
export async function contextFromSection(input: HandlerInput): Promise<OutputSection> {
  const ids = contextFromIds(input.node);
  const outputs = await Promise.all(
    ids.map(async (id) => {
      // Compile reports an unknown id (context_from_exists); a run of an unchecked graph says it here.
      if (!input.graph.nodes.has(id)) return { label: `node "${id}"`, text: `(no such node in this pipeline)` };
      const text = await readNodeOutput(input.services, input.services.stageDirOf(id));
      return { label: `node "${id}"`, text: text ?? `(no output recorded: node "${id}" has not run yet (since the last loop restart, if any), or produced nothing)` };
    }),
  );
  return renderOutputSection(contextFromHeading, outputs);
}
