import { textValue, type Attribute, type Graph, type GraphNode } from '../graph/model.js';

export interface ModelSettings {
  llmModel: string | undefined;
  llmProvider: string | undefined;
  reasoningEffort: string;
}

/** The spec's system default for `reasoning_effort` (digest §3.2); model and provider have none. */
export const DEFAULT_REASONING_EFFORT = 'high';

/**
 * The model settings a node runs with (digest §16): its own attribute (written, or filled by the
 * stylesheet transform) > the graph-level attribute > the system default.
 */
export function resolveModelSettings(graph: Graph, node: GraphNode): ModelSettings {
  const pick = (key: string): string | undefined => nonBlank(node.attrs[key]) ?? nonBlank(graph.attrs[key]);
  return {
    llmModel: pick('llm_model'),
    llmProvider: pick('llm_provider'),
    reasoningEffort: pick('reasoning_effort') ?? DEFAULT_REASONING_EFFORT,
  };
}

function nonBlank(attr: Attribute | undefined): string | undefined {
  const text = attr ? textValue(attr.value).trim() : '';
  return text === '' ? undefined : text;
}
