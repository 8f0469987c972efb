import type { ResolvedConfig } from './config-types.js';
import { defaultKeyEnv } from './provider-defaults.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface ProviderKeyStatus {
  variable: string;
  set: boolean;
  /** Configured providers that read this variable; empty for a built-in provider not in the file. */
  usedBy: string[];
}

/**
 * Which API-key variables are set: every built-in provider's, plus each configured provider's
 * `api_key_env`. Reports presence only; the values never leave this function.
 */
export function providerKeyStatus(config: ResolvedConfig, env: Env): ProviderKeyStatus[] {
  const statuses = new Map<string, ProviderKeyStatus>();
  const add = (variable: string, provider?: string) => {
    const status = statuses.get(variable) ?? { variable, set: Boolean(env[variable]?.trim()), usedBy: [] };
    if (provider !== undefined) status.usedBy.push(provider);
    statuses.set(variable, status);
  };
  for (const names of Object.values(defaultKeyEnv)) for (const name of names) add(name);
  for (const provider of Object.values(config.providers.byName)) for (const name of provider.apiKeyEnv) add(name, provider.name);
  return [...statuses.values()];
}
