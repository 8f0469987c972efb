import type { MiddlewareHandler } from 'hono';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * Refuses a request whose Host is not one of this server's names (a DNS-rebinding page reaches us
 * under its own name) and one whose Origin is neither this server's own nor an allowed CORS origin
 * (a cross-site request from a browser). Requests without Origin (curl, programs) pass. The hosts
 * are asked for on each request: a server on port 0 knows its own only once it listens.
 */
export function requestGuard(allowedHosts: () => readonly string[], corsOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const hosts = new Set(allowedHosts().map((host) => host.toLowerCase()));
    const host = c.req.header('host')?.toLowerCase();
    if (host === undefined || !hosts.has(host)) {
      throw new OrchestraError(ErrorCode.FORBIDDEN, `this server does not answer to the host ${JSON.stringify(host ?? '')}`, {
        hint: `Use one of: ${[...hosts].map((name) => `http://${name}`).join(', ')}.`,
      });
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowedOrigin(origin.toLowerCase(), hosts, corsOrigins)) {
      throw new OrchestraError(ErrorCode.FORBIDDEN, `requests from the origin ${JSON.stringify(origin)} are refused`, {
        hint: 'Only this server\'s own pages and the origins its CORS setting names may call it from a browser.',
      });
    }
    await next();
  };
}

/** This server's own origin (`http://` and one of its hosts), or one CORS allows. */
function isAllowedOrigin(origin: string, hosts: ReadonlySet<string>, corsOrigins: readonly string[]): boolean {
  return (origin.startsWith('http://') && hosts.has(origin.slice('http://'.length))) || corsOrigins.includes(origin);
}

/** `origin` as a browser sends it (`http://host:port`, lower case, no path); a bad one is a usage error. */
export function normalizeOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new OrchestraError(ErrorCode.USAGE, `the CORS origin ${JSON.stringify(origin)} is not a URL`, { hint: 'Name an origin like https://app.example.com or http://localhost:5173.' });
  }
  if (url.origin === 'null' || url.pathname.length > 1 || url.search !== '' || url.hash !== '') {
    throw new OrchestraError(ErrorCode.USAGE, `the CORS origin ${JSON.stringify(origin)} is not an origin (scheme, host and port only)`, { hint: 'Name an origin like https://app.example.com or http://localhost:5173.' });
  }
  return url.origin;
}
