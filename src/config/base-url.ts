import type { ProviderType } from './config-types.js';

/** The API root each provider type's AI SDK client expects under a bare host. */
const apiRoot: Record<ProviderType, string> = { anthropic: '/v1', openai: '/v1', 'openai-compatible': '/v1', google: '/v1beta' };

/**
 * A provider's `base_url` as its AI SDK client wants it: people write the server (`http://host:8080`)
 * as often as its API root (`http://host:8080/v1`), and the SDK appends `/messages` or
 * `/chat/completions` to whatever it is given. A URL with no path gets the type's API root; one with
 * a path is kept (a server may serve its API at `/openai/v1` or `/api`), minus trailing slashes.
 */
export function normaliseBaseUrl(type: ProviderType, url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, '');
  const root = path === '' ? apiRoot[type] : path;
  return `${parsed.origin}${root}${parsed.search}`;
}
