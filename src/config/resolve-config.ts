import { dirname, resolve } from 'node:path';
import { didYouMean } from '../core/closest-name.js';
import { normaliseBaseUrl } from './base-url.js';
import { configError } from './config-issues.js';
import type { RawConfig } from './config-schema.js';
import {
  BuiltInCliProfiles,
  ProviderTypes,
  type ResolvedAgent,
  type ResolvedConfig,
  type ResolvedProvider,
} from './config-types.js';
import { resolveNotifications } from './resolve-notifications.js';
import { anyProviderKeySet, builtInProviderNames, defaultKeyEnv, defaultTierModels, inferProviderType } from './provider-defaults.js';
import { resolvePeople } from './resolve-people.js';
import { resolveWorkspace } from './resolve-workspace.js';
import type { YamlSource } from './yaml-locate.js';

type Env = Readonly<Record<string, string | undefined>>;

const layerKeys = ['role', 'persona', 'personality', 'task'] as const;

/**
 * A schema-valid file → ResolvedConfig: defaults filled in, paths made absolute, and the checks
 * that span keys (an agent's provider, CLI profile and layer files must exist).
 */
export function resolveConfig(raw: RawConfig, source: YamlSource | undefined, env: Env, fileExists: (path: string) => boolean): ResolvedConfig {
  const dir = source ? dirname(source.file) : undefined;
  const providers = resolveProviders(raw, source);
  const cliAgents = raw.cli_agents ?? {};
  const agents = Object.fromEntries(
    Object.entries(raw.agents ?? {}).map(([name, agent]) => {
      const resolved: ResolvedAgent = { name, ...pick(agent, ['model', 'provider', 'backend', 'cli']) };
      for (const layer of layerKeys) {
        const file = agent[layer];
        if (file === undefined) continue;
        const path = resolve(dir ?? '.', file);
        if (!fileExists(path)) fail(source, ['agents', name, layer], `agents.${name}.${layer}: the layer file ${file} does not exist (looked for ${path}).`, 'Layer paths are relative to the config file.');
        resolved[layer] = path;
      }
      checkReference(source, ['agents', name, 'provider'], agent.provider, [...Object.keys(providers), ...builtInProviderNames], 'provider');
      checkReference(source, ['agents', name, 'cli'], agent.cli, [...BuiltInCliProfiles, ...Object.keys(cliAgents)], 'CLI profile');
      return [name, resolved];
    }),
  );
  const defaultProvider = raw.providers?.default;
  checkReference(source, ['providers', 'default'], defaultProvider, [...Object.keys(providers), ...builtInProviderNames], 'provider');
  return {
    backend: raw.backend ?? (anyProviderKeySet(env) ? 'agent' : 'simulation'),
    backendSource: raw.backend === undefined ? 'default' : 'file',
    providers: { ...(defaultProvider !== undefined && { default: defaultProvider }), byName: providers },
    agents,
    workspace: resolveWorkspace(raw.workspace, source, dir),
    agent: { passEnv: raw.agent?.pass_env ?? [], shellSandbox: raw.agent?.shell_sandbox ?? 'none' },
    cliAgents,
    notifications: resolveNotifications(raw.notifications, source),
    people: resolvePeople(raw.people, source),
    http: { ...(raw.http?.host !== undefined && { host: raw.http.host }), ...(raw.http?.port !== undefined && { port: raw.http.port }), corsOrigins: (raw.http?.cors_origins ?? []).map((origin) => new URL(origin).origin) },
    ...(dir !== undefined && { dir }),
  };
}

function resolveProviders(raw: RawConfig, source: YamlSource | undefined): Record<string, ResolvedProvider> {
  const entries = Object.entries(raw.providers ?? {}).filter(([name]) => name !== 'default');
  return Object.fromEntries(
    entries.map(([name, value]) => {
      const provider = value as Exclude<typeof value, string | undefined>;
      const type = provider.type ?? inferProviderType(name, provider.base_url !== undefined);
      if (!type) {
        fail(source, ['providers', name], `providers.${name}: cannot tell the provider type from the name "${name}".`, `Add type: one of ${ProviderTypes.join(', ')} (an OpenAI-compatible server also needs base_url).`, 'key');
      }
      if (type === 'openai-compatible' && provider.base_url === undefined) {
        fail(source, ['providers', name], `providers.${name}: an openai-compatible provider needs base_url.`, 'Add base_url: http://HOST:PORT/v1 (the server\'s OpenAI-compatible endpoint).', 'key');
      }
      const resolved: ResolvedProvider = {
        name,
        type,
        models: { ...defaultTierModels[type], ...stripUndefined(provider.models ?? {}) },
        apiKeyEnv: provider.api_key_env ? [provider.api_key_env] : defaultKeyEnv[type],
        ...(provider.base_url !== undefined && { baseUrl: normaliseBaseUrl(type, provider.base_url) }),
      };
      return [name, resolved];
    }),
  );
}

function checkReference(source: YamlSource | undefined, path: string[], name: string | undefined, known: string[], what: string): void {
  if (name === undefined || known.includes(name)) return;
  const unique = [...new Set(known)];
  fail(source, path, `${path.join('.')}: unknown ${what} "${name}".${didYouMean(name, unique)} Known: ${unique.join(', ') || '(none)'}.`, `Name a ${what} that is configured in this file${what === 'provider' ? ' or built in' : ''}.`);
}

function fail(source: YamlSource | undefined, path: string[], message: string, hint: string, at: 'key' | 'value' = 'value'): never {
  if (!source) throw new Error(`unreachable without a file: ${message}`);
  throw configError(source, path, message, hint, at);
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<Pick<T, K>>;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

