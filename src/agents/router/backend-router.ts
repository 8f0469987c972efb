import type { ResolvedConfig } from '../../config/index.js';
import { composePrompt } from '../prompts/index.js';
import type { Clock } from '../../core/clock.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { AgentBackend, AgentRequest, AgentResult } from '../backend.js';
import type { AgentTurnEvent } from '../agent-loop/index.js';
import { createNamedBackend } from './create-named-backend.js';
import { resolveNodeProfile } from './agent-profile.js';
import { withCallTimeLimit } from './call-time-limit.js';

export interface BackendRouterOptions {
  config: ResolvedConfig;
  /** Where API keys and CLI environments come from. */
  env: Readonly<Record<string, string | undefined>>;
  /** `--simulate`: every node uses the simulation backend, whatever the config says. */
  simulate: boolean;
  logger?: Logger;
  clock?: Clock;
  /** Stand-ins per backend name, for tests. */
  backends?: Partial<Record<string, AgentBackend>>;
}

/**
 * The AgentBackend the engine gets: per node it applies the node's `agent` (prompt layers, model,
 * CLI), picks the backend (`backend` attribute, the agent's, the config's) and hands the request on.
 * Backends are created on first use, so a run that never calls a model never needs a key.
 */
export function createBackendRouter(options: BackendRouterOptions): AgentBackend {
  const logger = options.logger ?? silentLogger;
  const created = new Map<string, Promise<AgentBackend>>(
    Object.entries(options.backends ?? {}).flatMap(([name, backend]) => (backend ? [[name, Promise.resolve(backend)] as const] : [])),
  );
  // The agent loop reports turns per backend; requests in flight say where each run's events go.
  const emitters = new Map<string, NonNullable<AgentRequest['emit']>>();
  const onTurn = async (turn: AgentTurnEvent) => {
    const { runId, nodeId, ...rest } = turn;
    await emitters.get(`${runId}/${nodeId}`)?.({ type: 'agent.turn', node: nodeId, ...rest });
  };

  // A promise per name: concurrent first calls (parallel branches) share one backend.
  function backendFor(name: string): Promise<AgentBackend> {
    let backend = created.get(name);
    if (!backend) {
      backend = createNamedBackend(name, { config: options.config, env: options.env, logger, ...(options.clock ? { clock: options.clock } : {}), onTurn });
      created.set(name, backend);
    }
    return backend;
  }

  return {
    name: 'router',
    createsStageDir: true,
    async run(request: AgentRequest): Promise<string | AgentResult> {
      if (options.simulate) return (await backendFor('simulation')).run(request);
      const profile = resolveNodeProfile(request.node, request.graph.attrs, options.config);
      let routed: AgentRequest = { ...request, node: profile.node };
      if (profile.agent !== undefined && request.purpose !== 'critic') {
        const composed = await composePrompt({
          agent: profile.agent,
          config: options.config,
          nodePrompt: '',
          variables: runVariables(request.context),
          context: request.context,
          goal: String(request.context['graph.goal'] ?? ''),
          node: request.node,
        });
        for (const warning of composed.warnings) logger.warn(warning, { node: request.node.id });
        routed = { ...routed, system: composed.system || undefined, prompt: [composed.prompt, request.prompt].filter(Boolean).join('\n\n') };
      }
      const key = `${request.runId}/${request.node.id}`;
      if (request.emit) emitters.set(key, request.emit);
      try {
        const backend = await backendFor(profile.backend);
        return await withCallTimeLimit(routed, (limited) => backend.run(limited));
      } finally {
        emitters.delete(key);
      }
    },
  };
}

/** Run variables, which the engine keeps in the context as `vars.<name>`, for `{{ name }}`. */
function runVariables(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) if (key.startsWith('vars.')) variables[key.slice('vars.'.length)] = value;
  return variables;
}
