import { join } from 'node:path';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { readOpencodeConfig } from './opencode-plugin.js';

/**
 * How a task's agent starts Orchestra's MCP server (`orchestra mcp` over stdio): the absolute
 * node and bin of this Orchestra, and the environment it needs (ORCHESTRA_HOME, the tenant). No
 * token: `orchestra mcp` makes or reads the local one itself, so none is written into a config.
 */
export interface OrchestraMcpServer {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** The server's key in the agent's MCP config: Claude Code names its tools `mcp__orchestra__<tool>`. */
export const orchestraMcpName = 'orchestra';

/** The tool `--permission-prompt-tool` names when a profile opts in to approvals (approvals.request). */
export const approvalPromptTool = `mcp__${orchestraMcpName}__approval_prompt`;

/**
 * The tools a task's Claude Code may call without asking: creating sub-tasks and completing its own
 * task, the point of the server being there. Every other Orchestra tool asks as any tool does.
 */
export const claudeAllowedOrchestraTools = ['task_create', 'task_complete', 'task_list', 'task_get'].map((tool) => `mcp__${orchestraMcpName}__${tool}`);

export const claudeMcpConfigFile = 'mcp-config.json';

/** Claude Code's `--mcp-config` file, written 0600 in the task's private state dir; returns its path. */
export async function writeClaudeMcpConfig(stateDir: string, server: OrchestraMcpServer): Promise<string> {
  const path = join(stateDir, claudeMcpConfigFile);
  const config = { mcpServers: { [orchestraMcpName]: { type: 'stdio', command: server.command, args: server.args, env: server.env } } };
  await writeFileAtomic(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/**
 * OPENCODE_CONFIG_CONTENT with Orchestra's server under `mcp` (a local server: one argv, its
 * environment). Opencode merges this variable over the user's config files, which stay untouched.
 */
export function withOpencodeMcp(configContent: string | undefined, server: OrchestraMcpServer): string {
  const config = readOpencodeConfig(configContent);
  const servers = typeof config.mcp === 'object' && config.mcp !== null && !Array.isArray(config.mcp) ? config.mcp : {};
  const entry = { type: 'local', command: [server.command, ...server.args], environment: server.env, enabled: true };
  return JSON.stringify({ ...config, mcp: { ...servers, [orchestraMcpName]: entry } });
}

/**
 * The options that give a task's Claude Code Orchestra's server: its `--mcp-config` file, the
 * tools it may call unasked, and, with `approvals`, `--permission-prompt-tool`.
 */
export async function claudeMcpOptions(stateDir: string, server: OrchestraMcpServer, approvals: boolean): Promise<string[]> {
  const file = await writeClaudeMcpConfig(stateDir, server);
  return ['--mcp-config', file, '--allowedTools', claudeAllowedOrchestraTools.join(','), ...(approvals ? ['--permission-prompt-tool', approvalPromptTool] : [])];
}
