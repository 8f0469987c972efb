const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request to /mcp may proceed, by its Origin (MCP 2025-11-25, Streamable HTTP, Security
 * Warning: servers MUST validate Origin, against DNS rebinding). No Origin: not a browser, allowed
 * (the token still decides). An Origin the server is configured to allow. Otherwise only the
 * server's own page on loopback: the same host and port as the request, on a loopback name, so a
 * rebound name (evil.example resolving to 127.0.0.1) never passes even though its Host matches.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[] = []): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  const parsed = parseOrigin(origin);
  if (parsed === undefined || host === undefined) return false;
  return loopbackHosts.has(parsed.hostname) && parsed.host === host.toLowerCase();
}

function parseOrigin(origin: string): URL | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
