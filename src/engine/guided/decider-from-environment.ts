import { createLanguageModel } from '../../agents/llm/create-language-model.js';
import { modelResolverFor } from '../../agents/llm/config-resolver.js';
import type { Tier } from '../../config/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { createModelStepDecider } from './model-step-decider.js';
import type { StepDecider } from './step-decider.js';

export const defaultRequestTimeoutMs = 30_000;

export interface DeciderEnvironment {
  /** The project's orchestra.yaml, when there is one: its providers and tiers come first. */
  config?: ResolvedConfig;
  env: Readonly<Record<string, string | undefined>>;
  /** The tier the orchestrator asks for (default `smart`: deciding is rare and matters). */
  tier?: Tier;
}

/** AI_REQUEST_TIMEOUT_MS (seed 004), in ms; 30000 when unset. */
export function requestTimeoutMs(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.AI_REQUEST_TIMEOUT_MS?.trim();
  if (text === undefined || text === '') return defaultRequestTimeoutMs;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new OrchestraError(ErrorCode.CONFIG, `AI_REQUEST_TIMEOUT_MS is ${JSON.stringify(text)}, not a whole number of milliseconds above 0`, {
      hint: 'Set AI_REQUEST_TIMEOUT_MS=30000 (the default), or unset it.',
    });
  }
  return value;
}

/**
 * The model that decides guided steps (issue 13), or undefined when there is none and the rules
 * decide: orchestra.yaml's providers (the tier's model) when it configures any, else seed 004's
 * AI_SERVICE_ENDPOINT (an OpenAI-compatible base URL, with AI_SERVICE_API_KEY and AI_SERVICE_MODEL).
 */
export function stepDeciderFromEnvironment({ config, env, tier = 'smart' }: DeciderEnvironment): StepDecider | undefined {
  const timeoutMs = requestTimeoutMs(env);
  if (config !== undefined && Object.keys(config.providers.byName).length > 0) {
    const target = modelResolverFor(config)({ llm_model: tier });
    return createModelStepDecider({ model: createLanguageModel({ ...target, env }), label: `${target.provider}/${target.model}`, timeoutMs });
  }
  const endpoint = env.AI_SERVICE_ENDPOINT?.trim();
  if (endpoint === undefined || endpoint === '') return undefined;
  const model = env.AI_SERVICE_MODEL?.trim() || 'default';
  const apiKeyEnv = env.AI_SERVICE_API_KEY ? ['AI_SERVICE_API_KEY'] : [];
  const language = createLanguageModel({ provider: 'ai-service', type: 'openai-compatible', model, baseUrl: endpoint, apiKeyEnv, env });
  return createModelStepDecider({ model: language, label: `AI_SERVICE_ENDPOINT/${model}`, timeoutMs });
}
