import { hostname, networkInterfaces } from 'node:os';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** The HTTP API's port unless configured (issue 12). */
export const defaultHttpPort = 4777;

/** A port number from `text` (0: any free port), or E_USAGE naming `source` (`--port`, ORCHESTRA_HTTP_PORT). */
export function parsePort(text: string, source: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (port >= 0 && port <= 65_535) return port;
  throw new OrchestraError(ErrorCode.USAGE, `${source} must be a port number from 0 to 65535, not ${JSON.stringify(text)}`, { hint: '0 picks any free port.' });
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The `host:port` names a request to this server may carry in its Host header: the loopback
 * names always; the bound address; and, bound to every interface (0.0.0.0, ::), each interface's
 * address and the machine's name. Anything else is a DNS-rebinding page or a misdirected request.
 */
export function serverHostNames(host: string, port: number): string[] {
  const everywhere = host === '0.0.0.0' || host === '::';
  const addresses = everywhere ? [...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((info) => info.address)), hostname()] : [host];
  const names = new Set(['127.0.0.1', 'localhost', '::1', ...addresses].map((name) => (name.includes(':') ? `[${name}]` : name)));
  return [...names].map((name) => `${name}:${port}`);
}
