import { entryOf, resolveModel, type ResolvedConfig } from '../../config/index.js';
import type { ModelResolver } from './model-choice.js';
import type { ModelTarget } from './provider-types.js';

/**
 * The resolver the backends use for a loaded orchestra.yaml: tiers and providers through the
 * config's resolveModel, then the provider's base URL and key variables from its stanza (a
 * built-in provider without one uses its type's defaults).
 */
export function modelResolverFor(config: ResolvedConfig): ModelResolver {
  return (wish) => {
    const resolved = resolveModel(config, wish);
    const target: ModelTarget = { provider: resolved.provider, type: resolved.type, model: resolved.model };
    const stanza = entryOf(config.providers.byName, resolved.provider);
    if (stanza?.baseUrl !== undefined) target.baseUrl = stanza.baseUrl;
    if (stanza !== undefined) target.apiKeyEnv = stanza.apiKeyEnv;
    return target;
  };
}
