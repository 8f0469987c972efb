import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { didYouMean } from '../../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { orchestraVersion } from '../../core/package-version.js';
import type { ApiCaller, ApiDeps, Operation } from '../../services/api/index.js';
import { registerResources } from './mcp-resources.js';
import { toolDefinition, toolOperations } from './mcp-tools.js';
import { runOperation } from './run-operation.js';
import { withDefaultProject } from './default-project.js';
import { toolError, toolResult } from './tool-result.js';

export interface McpServerOptions {
  deps: ApiDeps;
  /** Who is calling: the tools offered are the operations this caller's access allows, no others. */
  caller: ApiCaller;
  operations: readonly Operation[];
  /** The project `orchestra mcp` was started in (its header): the `project` of a call that names none. */
  defaultProject?: string;
}

/**
 * Orchestra's MCP server for one caller (issue 12): one tool per operation of the table with an
 * `mcp` name that the caller may run, and the resources of mcp-resources.ts.
 *
 * Tools are served through the SDK's low-level request handlers (McpServer.server) rather than
 * `registerTool`: registerTool checks the arguments itself and answers a bad one with its own text,
 * where Orchestra answers E_USAGE naming each field, checked by the operation's own zod schema.
 */
export function createMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer({ name: 'orchestra', title: 'Orchestra', version: orchestraVersion() }, { instructions });
  const ops = toolOperations(options.operations, options.caller);
  const tools = ops.map((op) => ({ op, tool: toolDefinition(op) }));
  server.server.registerCapabilities({ tools: {} });
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map(({ tool }) => tool) }));
  server.server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const found = tools.find(({ tool }) => tool.name === request.params.name);
    if (found === undefined) return toolError(unknownTool(request.params.name, tools.map(({ tool }) => tool.name)), false);
    const args = withDefaultProject(found.op, request.params.arguments, options.defaultProject, options.deps);
    const outcome = await runOperation(found.op, options.deps, options.caller, args);
    return toolResult(outcome, found.tool.outputSchema !== undefined);
  });
  registerResources(server, options);
  return server;
}

// A tool error like the SDK's own, so that an agent reads why and what to call instead.
function unknownTool(name: string, known: readonly string[]): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `unknown tool "${name}".${didYouMean(name, known)}`, {
    hint: 'tools/list lists the tools this token may use (a read-only token sees only read-only tools).',
  });
}

const instructions =
  'Orchestra runs pipelines, coding-agent tasks, human tasks and workflows. Tool errors start with an ' +
  'Orchestra code (E_TASK_NOT_FOUND…) followed by a hint saying what to do.';
