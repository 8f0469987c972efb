import { configKeyEnvNames, type ResolvedConfig } from '../../config/index.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { AgentBackend } from '../backend.js';
import type { AgentTurnEvent } from '../agent-loop/index.js';
import { createSimulationBackend } from '../simulation/index.js';

export interface NamedBackendOptions {
  config: ResolvedConfig;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  clock?: Clock;
  onTurn(turn: AgentTurnEvent): Promise<void>;
}

/**
 * The backend called `name`, its module loaded only now: the AI SDK and its providers (direct,
 * agent) and the CLI agents cost a start-up that a simulated run, or one that only runs CLI
 * agents, never needs (issue 9: a run's process start counts in every benchmark a user makes).
 */
export async function createNamedBackend(name: string, options: NamedBackendOptions): Promise<AgentBackend> {
  const common = { env: options.env, logger: options.logger, ...(options.clock ? { clock: options.clock } : {}) };
  switch (name) {
    case 'direct': {
      const [{ createDirectBackend }, { modelResolverFor }] = await Promise.all([import('../direct/index.js'), import('../llm/index.js')]);
      return createDirectBackend({ resolveModel: modelResolverFor(options.config), ...common });
    }
    case 'agent': {
      const [{ createAgentBackend }, { modelResolverFor }] = await Promise.all([import('../agent-loop/index.js'), import('../llm/index.js')]);
      return createAgentBackend({
        resolveModel: modelResolverFor(options.config),
        onTurn: options.onTurn,
        passEnv: options.config.agent.passEnv,
        keyEnvNames: configKeyEnvNames(options.config),
        shellSandbox: options.config.agent.shellSandbox,
        ...common,
      });
    }
    case 'cli': {
      const { cliProfilesFor, createCliBackend } = await import('../cli-agents/index.js');
      return createCliBackend({ profiles: cliProfilesFor(options.config.cliAgents), env: { ...options.env }, passEnv: options.config.agent.passEnv });
    }
    default:
      return createSimulationBackend();
  }
}
