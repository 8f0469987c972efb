import { isOrchestraError, type OrchestraError } from '../../core/errors.js';
import type { ResolvedConfig } from '../../config/index.js';
import { handlerTypeOf } from '../../pipeline/graph/node-kind.js';
import type { Graph } from '../../pipeline/graph/model.js';
import { cliProfilesFor } from '../cli-agents/built-in-profiles.js';
import { locateCli } from '../cli-agents/probe-profile.js';
import { profileNameFor, workDirFor } from '../cli-agents/node-settings.js';
import { missingKeyError } from '../llm/api-key.js';
import { modelResolverFor } from '../llm/config-resolver.js';
import { nodeModelSettings } from '../llm/model-choice.js';
import { defaultKeyEnv, providerTypeOf } from '../llm/provider-types.js';
import { resolveNodeProfile } from './agent-profile.js';

export interface RunNeedsInput {
  graph: Graph;
  /** The pipeline file's absolute path: CLIs run in (and are looked up from) its directory. */
  pipelineFile: string;
  config: ResolvedConfig;
  env: Readonly<Record<string, string | undefined>>;
}

/** Handlers that hand their node to the AgentBackend (a fan-in does only with a prompt). */
const modelHandlers = new Set(['codergen', 'parallel.fan_in']);

/**
 * What a run of `graph` will need from the machine, checked before the run is created: each model
 * node's provider key (as the backends read it) and each CLI node's agent CLI (as the cli backend
 * finds it). The errors are the ones the backends and `orchestra doctor` give, one per distinct
 * problem, so `run` can refuse to start instead of failing at the first node that needs it.
 */
export function checkRunNeeds(input: RunNeedsInput): OrchestraError[] {
  const problems = new Map<string, OrchestraError>();
  const add = (error: OrchestraError) => problems.set(error.message, error);
  const resolveModel = modelResolverFor(input.config);
  let profiles: ReturnType<typeof cliProfilesFor> | undefined;
  const graph = { ...input.graph, file: input.pipelineFile };
  for (const node of input.graph.nodes.values()) {
    const type = handlerTypeOf(node);
    if (!modelHandlers.has(type) || (type === 'parallel.fan_in' && node.attrs.prompt === undefined)) continue;
    const { backend, node: routed } = resolveNodeProfile(node, input.graph.attrs, input.config);
    try {
      if (backend === 'direct' || backend === 'agent') {
        const target = resolveModel(nodeModelSettings(routed).wish);
        const names = target.apiKeyEnv ?? defaultKeyEnv[providerTypeOf(target)];
        if (names.length > 0 && !names.some((name) => input.env[name]?.trim())) add(missingKeyError(target.provider, names));
      } else if (backend === 'cli') {
        profiles ??= cliProfilesFor(input.config.cliAgents);
        const name = profileNameFor({ node: routed, graph }, 'claude-code');
        const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
        if (profile === undefined) continue; // the cli backend fails the node naming the known profiles
        const located = locateCli(profile, { ...input.env, ...profile.env } as NodeJS.ProcessEnv, workDirFor({ graph, workDir: undefined }));
        if ('problem' in located) add(located.problem);
      }
    } catch (error) {
      // A wish the config cannot meet (unknown provider, bad cli_agents merge) is reported here too.
      if (!isOrchestraError(error)) throw error;
      add(error);
    }
  }
  return [...problems.values()];
}
