import { entryOf, type BackendName, type ResolvedAgent, type ResolvedConfig } from '../../config/index.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import type { Attribute, GraphNode } from '../../pipeline/graph/model.js';

/**
 * What a node runs with once its `agent` (from orchestra.yaml) is applied: the node's own
 * `llm_model`, `llm_provider` and `cli` win over the agent's; the backend is the node's `backend`,
 * else the graph's, else the agent's, else the config's.
 */
export interface NodeProfile {
  agent: string | undefined;
  backend: BackendName;
  /** The node with the agent's model, provider and CLI filled in where it had none. */
  node: GraphNode;
}

export function resolveNodeProfile(node: GraphNode, graphAttrs: GraphNode['attrs'], config: ResolvedConfig): NodeProfile {
  const agentName = readString(node.attrs, 'agent')?.trim() || undefined;
  const agent = agentName === undefined ? undefined : entryOf(config.agents, agentName);
  const backend = (readString(node.attrs, 'backend') ?? readString(graphAttrs, 'backend') ?? agent?.backend ?? config.backend) as BackendName;
  return { agent: agentName, backend, node: agent ? withAgentDefaults(node, agent) : node };
}

function withAgentDefaults(node: GraphNode, agent: ResolvedAgent): GraphNode {
  const filled: Record<string, Attribute> = { ...node.attrs };
  const fill = (key: string, value: string | undefined) => {
    if (value === undefined || Object.hasOwn(node.attrs, key)) return;
    filled[key] = { key, value: { kind: 'string', value }, loc: node.loc };
  };
  fill('llm_model', agent.model);
  fill('llm_provider', agent.provider);
  fill('cli', agent.cli);
  return { ...node, attrs: filled };
}
