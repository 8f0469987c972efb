import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type ResolvedHttp } from '../../config/index.js';
import { parsePort } from './http-address.js';

/** Where the HTTP API listens and who may call it from a browser (issue 12). */
export interface HttpSettings {
  host: string;
  /** Absent: the default port (4777), or any free port when it is taken. 0: any free port. */
  port?: number;
  corsOrigins: readonly string[];
}

export interface HttpSettingsSources {
  /** `orchestra serve --host --port` (a daemon started otherwise has none). */
  flags: { host?: string; port?: number };
  env: Readonly<Record<string, string | undefined>>;
  /** The `http:` section of $ORCHESTRA_HOME/config.yaml; absent without that file. */
  config?: ResolvedHttp;
}

const set = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * Each setting from the first source that has it: the command line, then ORCHESTRA_HTTP_HOST /
 * ORCHESTRA_HTTP_PORT, then config.yaml, then the default (127.0.0.1, port 4777). CORS origins
 * come from config.yaml only: none unless configured.
 */
export function httpSettings(sources: HttpSettingsSources): HttpSettings {
  const envPort = set(sources.env.ORCHESTRA_HTTP_PORT);
  const port = sources.flags.port ?? (envPort === undefined ? undefined : parsePort(envPort, 'ORCHESTRA_HTTP_PORT')) ?? sources.config?.port;
  return {
    host: sources.flags.host ?? set(sources.env.ORCHESTRA_HTTP_HOST) ?? sources.config?.host ?? '127.0.0.1',
    ...(port !== undefined && { port }),
    corsOrigins: sources.config?.corsOrigins ?? [],
  };
}

/** httpSettings with the `http:` section of `<home>/config.yaml` read (a bad file is its E_CONFIG, with file:line:col). */
export async function daemonHttpSettings(o: { home: string; env: HttpSettingsSources['env']; host?: string; port?: number }): Promise<HttpSettings> {
  const file = join(o.home, 'config.yaml');
  const config = existsSync(file) ? (await loadConfig({ startDir: o.home, env: o.env, file })).config.http : undefined;
  return httpSettings({ flags: { ...(o.host !== undefined && { host: o.host }), ...(o.port !== undefined && { port: o.port }) }, env: o.env, ...(config && { config }) });
}
