import type { Readable, Writable } from 'node:stream';
import { ExitCode } from '../../core/errors.js';
import { resolveLocalTenant } from '../../services/auth/index.js';
import { bridgeStdio } from '../../server/mcp/stdio-bridge.js';
import type { CommandContext } from '../command-context.js';
import { findMcpEndpoint } from './mcp-endpoint.js';

export interface McpOptions {
  tenant?: string;
}

/**
 * `orchestra mcp`: Orchestra's MCP server over stdio, for an agent's MCP config. A relay to the
 * daemon's /mcp (starting the daemon when none runs), acting with the local token of the tenant;
 * stdout carries only MCP messages, so problems go to stderr.
 */
export async function mcpCommand(ctx: CommandContext, options: McpOptions): Promise<number> {
  const tenant = resolveLocalTenant({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
  await bridgeStdio({
    stdin: ctx.io.stdin as Readable,
    stdout: ctx.io.stdout as Writable,
    endpoint: () => findMcpEndpoint(ctx, tenant),
    log: (line) => ctx.io.stderr.write(`${line}\n`),
  });
  return ExitCode.OK;
}
