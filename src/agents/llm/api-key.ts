import { ErrorCode, OrchestraError } from '../../core/errors.js';

export interface ApiKey {
  value: string;
  /** The variable it came from, named in authentication hints. */
  variable: string;
}

/**
 * The key in the first of `names` that is set. None set is a configuration error naming the
 * variables; the key itself never appears in any message.
 */
export function readApiKey(env: Readonly<Record<string, string | undefined>>, names: readonly string[], provider: string): ApiKey {
  for (const variable of names) {
    const value = env[variable]?.trim();
    if (value) return { value, variable };
  }
  throw missingKeyError(provider, names);
}

/** The E_CONFIG error for a provider whose key is not set: what `run`, the backends and `doctor` say. */
export function missingKeyError(provider: string, names: readonly string[]): OrchestraError {
  const list = names.join(' or ');
  const first = names[0] ?? 'API_KEY';
  return new OrchestraError(ErrorCode.CONFIG, `Provider "${provider}" needs an API key in the environment variable ${list}, which is not set.`, {
    hint: `Export ${first}=<your key> (or set providers.${provider}.api_key_env to the variable that holds it); \`orchestra doctor\` lists the keys it finds.`,
  });
}
