import type { OrchestraMcpServer } from '../../agents/cli-agents/index.js';

/**
 * Orchestra's MCP server as a task's agent starts it (docs/mcp.md): `orchestra mcp` of this very
 * Orchestra (absolute node and bin), on this daemon's home and tenant. It carries no token: the
 * relay makes or reads the local one under ORCHESTRA_HOME, so the agent's config holds no secret.
 * Undefined when the daemon was given no `orchestra mcp` command (tests of the task service alone).
 */
export function taskMcpServer(mcpCommand: readonly string[] | undefined, home: string, daemonEnv: Readonly<Record<string, string | undefined>>): OrchestraMcpServer | undefined {
  const [command, ...args] = mcpCommand ?? [];
  if (command === undefined) return undefined;
  const tenant = daemonEnv.ORCHESTRA_TENANT;
  return { command, args, env: { ORCHESTRA_HOME: home, ...(tenant !== undefined && tenant !== '' && { ORCHESTRA_TENANT: tenant }) } };
}
