import type { ResolvedConfig, ResolvedProvider } from '../../config/index.js';
import type { DoctorCheck } from './doctor-check.js';

const probeTimeoutMs = 2_000;

/**
 * Each configured `base_url` (already normalised to the API root): GET `{base}/models`, which
 * every supported API serves. Any answer shows a server is there, but only a 2xx, or a 401/403
 * (it wants a key; doctor sends none), shows the API is at that path: a 404 means the URL points
 * at the wrong place, and the report says so instead of calling it an answer.
 */
export async function checkBaseUrls(config: ResolvedConfig | undefined): Promise<DoctorCheck[]> {
  const providers = Object.values(config?.providers.byName ?? {}).filter((provider) => provider.baseUrl !== undefined);
  return Promise.all(providers.map((provider) => checkBaseUrl(provider, provider.baseUrl as string)));
}

async function checkBaseUrl(provider: ResolvedProvider, url: string): Promise<DoctorCheck> {
  const name = `providers.${provider.name}.base_url`;
  const probe = `${url}/models`;
  let status: number;
  try {
    status = (await fetch(probe, { signal: AbortSignal.timeout(probeTimeoutMs) })).status;
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    const detail = `${url} did not answer within ${probeTimeoutMs / 1000} s (${reason === 'TimeoutError' ? 'timed out' : reason})`;
    return { area: 'base-url', name, status: 'problem', detail, fix: `start the server at ${url}, or correct ${name} in orchestra.yaml` };
  }
  return baseUrlVerdict(name, provider.type, url, status);
}

/** What an HTTP status on GET {base}/models says about the base URL. */
export function baseUrlVerdict(name: string, type: ResolvedProvider['type'], url: string, status: number): DoctorCheck {
  if (status >= 200 && status < 300) return { area: 'base-url', name, status: 'ok', detail: `${url}: the ${type} API answered GET /models (HTTP ${status})` };
  if (status === 401 || status === 403) return { area: 'base-url', name, status: 'ok', detail: `${url}: the ${type} API answered GET /models with HTTP ${status} (it wants a key; doctor sends none)` };
  const found = status === 404 ? `a server answers, but not with the ${type} API at this path: GET ${url}/models is HTTP 404` : `the server failed GET ${url}/models with HTTP ${status}`;
  const fix = status === 404 ? `set ${name} to the server's API root (for an OpenAI-compatible server usually http://HOST:PORT/v1)` : `check the server at ${url}`;
  return { area: 'base-url', name, status: 'problem', detail: `${url}: ${found}`, fix };
}
