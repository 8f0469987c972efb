import { agentEnv, baseAgentEnv, defaultKeyEnv, passEnvList } from '../../config/index.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import type { Graph, GraphNode } from '../../pipeline/graph/model.js';

/** What orchestra.yaml says about the tools' environment (the router fills it from the config). */
export interface ToolEnvSettings {
  /** `agent.pass_env`: variables passed beyond the base list. */
  passEnv?: readonly string[];
  /** Every variable the config names as a key (configKeyEnvNames); default the built-in providers' ones. */
  keyEnvNames?: readonly string[];
}

/**
 * The environment of the agent's shell commands and tool hooks: the base list, `agent.pass_env`
 * and the node's (else the graph's) `pass_env` attribute, and never a variable the config names as
 * a key. A prompt-injected `env` shows nothing else of the caller's environment.
 */
export function toolEnvFor(env: Readonly<Record<string, string | undefined>>, settings: ToolEnvSettings, node: GraphNode, graph: Graph): Record<string, string> {
  const attribute = readString(node.attrs, 'pass_env') ?? readString(graph.attrs, 'pass_env');
  const pass = [...baseAgentEnv, ...(settings.passEnv ?? []), ...passEnvList(attribute)];
  return agentEnv(env, pass, settings.keyEnvNames ?? Object.values(defaultKeyEnv).flat());
}
