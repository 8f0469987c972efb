import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { ProviderTypes, defaultKeyEnv, type ProviderType } from '../../config/index.js';

export { ProviderTypes as providerTypes, defaultKeyEnv, type ProviderType };

export function isProviderType(value: string): value is ProviderType {
  return (ProviderTypes as readonly string[]).includes(value);
}

/** The API a provider speaks: its `type`, or its name when that is a known type. */
export function providerTypeOf(target: Pick<ModelTarget, 'provider' | 'type'>): ProviderType {
  if (target.type !== undefined) return target.type;
  if (isProviderType(target.provider)) return target.provider;
  throw new OrchestraError(ErrorCode.CONFIG, `Provider "${target.provider}" has no type, and its name is not one of ${ProviderTypes.join(', ')}.`, {
    hint: `Set providers.${target.provider}.type to one of ${ProviderTypes.join(', ')}.`,
  });
}

/** A model ready to be created: the provider stanza of the config plus the model id. */
export interface ModelTarget {
  /** The provider's name in the config (`anthropic`, `local`, ...), used in messages. */
  provider: string;
  /** Which API it speaks; defaults to `provider` when that is a known type. */
  type?: ProviderType;
  model: string;
  baseUrl?: string;
  /**
   * The environment variables that may hold the key, first set one wins; defaults per type
   * (config's defaultKeyEnv). An empty list means the provider takes no key.
   */
  apiKeyEnv?: readonly string[];
}
