import { ErrorCode, OrchestraError } from '../core/errors.js';
import { didYouMean } from '../core/closest-name.js';
import { Tiers, entryOf, type ProviderType, type ResolvedConfig, type Tier } from './config-types.js';
import { builtInProviderNames, defaultTierModels, inferProviderFromModel } from './provider-defaults.js';

/** The node attributes (or agent fields) that choose a model. */
export interface ModelRequest {
  /** A tier (`smart`, `worker`, `cheap`) or a literal model id. Default: `worker`. */
  llm_model?: string | undefined;
  llm_provider?: string | undefined;
}

export interface ResolvedModel {
  /** The provider's name in the config (or a built-in name). */
  provider: string;
  type: ProviderType;
  model: string;
  /** Set when the model was named by tier. */
  tier?: Tier;
}

const defaultTier: Tier = 'worker';

/**
 * Which provider and model a node runs with. Provider: `llm_provider`, else `providers.default`,
 * else the first configured provider, else inferred from a literal model's name (claude-* →
 * anthropic, gpt-* / o<digit>* → openai, gemini-* → google). A tier maps through that provider's
 * `models` (built-in providers have defaults for every tier).
 */
export function resolveModel(config: ResolvedConfig, request: ModelRequest): ResolvedModel {
  const spec = request.llm_model?.trim() || defaultTier;
  const tier = (Tiers as readonly string[]).includes(spec) ? (spec as Tier) : undefined;
  const provider = chooseProvider(config, request.llm_provider?.trim() || undefined, tier ? undefined : spec);
  if (!tier) return { provider: provider.provider, type: provider.type, model: spec };
  const model = provider.models[tier];
  if (!model) {
    throw new OrchestraError(ErrorCode.CONFIG, `provider "${provider.provider}" maps no model to the tier "${tier}"`, {
      hint: `Add providers.${provider.provider}.models.${tier}: <model id> to orchestra.yaml, or give the node a literal llm_model.`,
    });
  }
  return { provider: provider.provider, type: provider.type, model, tier };
}

interface ProviderChoice {
  provider: string;
  type: ProviderType;
  models: Partial<Record<Tier, string>>;
}

function chooseProvider(config: ResolvedConfig, named: string | undefined, literalModel: string | undefined): ProviderChoice {
  const configured = Object.keys(config.providers.byName);
  const name = named ?? config.providers.default ?? configured[0];
  if (name !== undefined) return providerByName(config, name);
  const inferred = literalModel === undefined ? undefined : inferProviderFromModel(literalModel);
  if (inferred) return { provider: inferred, type: inferred, models: defaultTierModels[inferred] };
  throw new OrchestraError(
    ErrorCode.CONFIG,
    literalModel === undefined ? 'no provider is configured to resolve a model tier' : `cannot tell which provider serves the model "${literalModel}"`,
    { hint: 'Set llm_provider on the node, or configure providers (and providers.default) in orchestra.yaml.' },
  );
}

function providerByName(config: ResolvedConfig, name: string): ProviderChoice {
  const configured = entryOf(config.providers.byName, name);
  if (configured) return { provider: name, type: configured.type, models: configured.models };
  const builtIn = builtInProviderNames.find((candidate) => candidate === name);
  if (builtIn) return { provider: builtIn, type: builtIn, models: defaultTierModels[builtIn] };
  const known = [...new Set([...Object.keys(config.providers.byName), ...builtInProviderNames])];
  throw new OrchestraError(ErrorCode.CONFIG, `unknown provider "${name}".${didYouMean(name, known)} Known: ${known.join(', ')}.`, {
    hint: `Configure it under providers.${name} in orchestra.yaml, or name a known provider in llm_provider.`,
  });
}
