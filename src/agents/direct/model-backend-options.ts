import { systemClock, systemRandom, type Clock, type Random } from '../../core/clock.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { createThreadMemory, type ModelResolver, type ThreadMemory } from '../llm/index.js';
import { composeDefault, type PromptComposer } from './compose-default.js';

/** What the backends that call a model directly (`direct`, `agent`) are built from. */
export interface ModelBackendOptions {
  /** Tier or model id and provider → a provider stanza and model id (built from orchestra.yaml). */
  resolveModel: ModelResolver;
  /** Where API keys are read; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Waits between retries; injected so tests need not wait. */
  clock?: Clock;
  random?: Random;
  compose?: PromptComposer;
  logger?: Logger;
}

export interface ResolvedModelBackendOptions {
  resolveModel: ModelResolver;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  random: Random;
  compose: PromptComposer;
  logger: Logger;
  /** The conversations of `full`-fidelity threads, per backend instance. */
  threads: ThreadMemory;
}

export function resolveModelBackendOptions(options: ModelBackendOptions): ResolvedModelBackendOptions {
  return {
    resolveModel: options.resolveModel,
    env: options.env ?? process.env,
    clock: options.clock ?? systemClock,
    random: options.random ?? systemRandom,
    compose: options.compose ?? composeDefault,
    logger: options.logger ?? silentLogger,
    threads: createThreadMemory(),
  };
}
