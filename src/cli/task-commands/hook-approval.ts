import { resolveLocalTenant } from '../../services/auth/index.js';
import type { CommandContext } from '../command-context.js';
import { findMcpEndpoint } from '../mcp-commands/mcp-endpoint.js';

/** What Claude Code's PermissionRequest hook gets on stdin (the fields used here). */
interface PermissionRequestEvent {
  tool_name?: unknown;
  tool_input?: unknown;
  tool_use_id?: unknown;
}

// The longest approvals.request waits; the hook's own timeout (claude-hooks.ts) is a little longer.
const waitSeconds = 280;

/**
 * `orchestra hook claude --approve` (issue 12, approvals for coding agents): Claude Code's
 * PermissionRequest hook in a task whose profile opts in. A task's session is interactive, where
 * Claude does not consult `--permission-prompt-tool`; this hook asks the same approvals.request
 * (a human task in the inbox, answered from the CLI, API, MCP or dashboard) through the daemon's
 * HTTP API with the local token, and returns Claude's hook answer: the decision, with the person's
 * edited input. Anything that goes wrong returns undefined: Claude then shows its own dialog, so
 * nothing runs unapproved.
 */
export async function approvalHookAnswer(ctx: CommandContext, event: PermissionRequestEvent): Promise<string | undefined> {
  if (typeof event.tool_name !== 'string' || event.tool_name === '' || !isObject(event.tool_input)) return undefined;
  const tenant = resolveLocalTenant({ env: ctx.io.env });
  const { url, token } = await findMcpEndpoint(ctx, tenant);
  const body = { tool_name: event.tool_name, input: event.tool_input, ...(typeof event.tool_use_id === 'string' && { tool_use_id: event.tool_use_id }), timeout_seconds: waitSeconds };
  // POST /approvals: approvals.request of the operation table (src/cli sits below orchestra/client).
  const response = await fetch(new URL('/approvals', url), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /approvals answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: JSON.parse(text) as unknown } });
}

function isObject(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
