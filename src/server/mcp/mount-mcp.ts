import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Context } from 'hono';
import type { Operation } from '../../services/api/index.js';
import type { ApiEnv, Mount } from '../http/api-env.js';
import { createMcpServer } from './create-mcp-server.js';
import { projectHeader } from './default-project.js';
import { originAllowed } from './origin-check.js';

export interface MountMcpOptions {
  operations: readonly Operation[];
  /** Origins besides the server's own loopback one that may call /mcp (a configured dashboard host). */
  allowedOrigins?: readonly string[];
}

/**
 * MCP over Streamable HTTP at /mcp (issue 12), on the HTTP API's port and behind its auth middleware.
 *
 * Stateless: every POST gets a server built for the caller its token authenticated, and a transport
 * for that one request, answered as plain JSON. Nothing lives between requests, so a daemon restart
 * loses no session, and a token revoked between two calls stops the next one. Orchestra sends no
 * server-initiated messages, so GET (a stream of them) and DELETE (ending a session) answer 405, as
 * the specification allows a server without them to.
 */
export function mountMcp(options: MountMcpOptions): Mount {
  return (app) => {
    app.all('/mcp', async (c) => {
      if (!originAllowed(c.req.header('origin'), c.req.header('host'), options.allowedOrigins)) {
        return rpcError(c, 403, 'Forbidden: this Origin may not call the MCP endpoint');
      }
      if (c.req.method !== 'POST') {
        c.header('Allow', 'POST');
        return rpcError(c, 405, 'Method not allowed: this MCP endpoint is stateless (POST only; no server-sent stream, no session to end)');
      }
      const project = decodedHeader(c.req.header(projectHeader));
      const server = createMcpServer({ deps: c.var.deps, caller: c.var.caller, operations: options.operations, ...(project !== undefined && { defaultProject: project }) });
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      await server.connect(transport);
      try {
        return await transport.handleRequest(c.req.raw);
      } finally {
        await server.close();
      }
    });
  };
}

// The body the SDK's transport answers its own refusals with: a JSON-RPC error without an id.
function rpcError(c: Context<ApiEnv>, status: 403 | 405, message: string): Response {
  return c.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, status);
}

// A header carries bytes, not any path: the bridge sends the project encoded as a URI component.
function decodedHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
