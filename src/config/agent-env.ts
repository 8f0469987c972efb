import type { ResolvedConfig } from './config-types.js';
import { defaultKeyEnv } from './provider-defaults.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * What every agent's commands get of the caller's environment: where programs are, who and where
 * the user is, the locale and terminal. Nothing that holds a credential.
 */
export const baseAgentEnv: readonly string[] = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_*', 'TERM', 'TMPDIR', 'TZ'];

export function envNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * The environment an agent's commands run with: only the variables `pass` names (names or
 * `PREFIX_*`), never one `withhold` names, whatever `pass` says. Pure: the table in
 * agent-env.test.ts is the rule.
 */
export function agentEnv(env: Env, pass: readonly string[], withhold: readonly string[] = []): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || withhold.includes(name)) continue;
    if (pass.some((pattern) => envNameMatches(pattern, name))) result[name] = value;
  }
  return result;
}

/**
 * Every variable the config names as holding a key: each provider's `api_key_env` and the built-in
 * providers' key variables. The `agent` backend's tools never get these, even when passed.
 */
export function configKeyEnvNames(config: ResolvedConfig): string[] {
  const names = new Set<string>(Object.values(defaultKeyEnv).flat());
  for (const provider of Object.values(config.providers.byName)) for (const name of provider.apiKeyEnv) names.add(name);
  return [...names];
}

/** A `pass_env` attribute's value (`"A, B_*"`) as a list. */
export function passEnvList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}
