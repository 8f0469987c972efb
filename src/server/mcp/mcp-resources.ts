import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError, ErrorCode as McpErrorCode, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { OrchestraError } from '../../core/errors.js';
import { allows, type ApiCaller, type ApiDeps, type Operation } from '../../services/api/index.js';
import { runOperation } from './run-operation.js';

type Variables = Record<string, string | string[]>;

/** One resource: a URI (or URI template) read by calling an operation of the table with an input made from the URI. */
interface ResourceSpec {
  name: string;
  uri: string;
  title: string;
  description: string;
  operation: string;
  input(variables: Variables): Record<string, unknown>;
}

/**
 * The resources Orchestra offers an agent to read (issue 12): its inbox, a run's status and node
 * history, a task file. Each is an operation of the table read through a URI; one whose operation
 * the table lacks, or the caller may not run, is not offered.
 */
export const resourceSpecs: readonly ResourceSpec[] = [
  {
    name: 'inbox',
    uri: 'orchestra://inbox',
    title: 'Inbox',
    description: 'The open human tasks the caller may answer, as JSON (humanTasks.list).',
    operation: 'humanTasks.list',
    input: () => ({}),
  },
  {
    name: 'run',
    uri: 'orchestra://runs/{id}',
    title: 'Run',
    description: "A run's status and node history, as JSON (runs.get).",
    operation: 'runs.get',
    input: (variables) => ({ runId: one(variables.id) }),
  },
  {
    name: 'task',
    uri: 'orchestra://tasks/{ref}{?project}',
    title: 'Task',
    description: "A task file: its front matter and body, as JSON (tasks.get). `project` is the project folder's absolute path, percent-encoded as URI templates expand it.",
    operation: 'tasks.get',
    input: (variables) => ({ ref: one(variables.ref), ...(variables.project !== undefined && { project: one(variables.project) }) }),
  },
];

export function registerResources(server: McpServer, o: { deps: ApiDeps; caller: ApiCaller; operations: readonly Operation[] }): void {
  for (const spec of resourceSpecs) {
    const op = o.operations.find((candidate) => candidate.name === spec.operation);
    if (op === undefined || !allows(o.caller.access, op.access)) continue;
    const read = async (uri: URL, variables: Variables): Promise<ReadResourceResult> => {
      const outcome = await runOperation(op, o.deps, o.caller, spec.input(decoded(variables)));
      if (!outcome.ok) throw readError(outcome.error);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(outcome.output, null, 2) }] };
    };
    const metadata = { title: spec.title, description: spec.description, mimeType: 'application/json' };
    if (spec.uri.includes('{')) {
      server.registerResource(spec.name, new ResourceTemplate(spec.uri, { list: undefined }), metadata, read);
    } else {
      server.registerResource(spec.name, spec.uri, metadata, (uri) => read(uri, {}));
    }
  }
}

// A resource read has no error result of its own: a JSON-RPC error with the Orchestra code in its data.
function readError(error: OrchestraError): McpError {
  return new McpError(rpcCodeOf(error), `${error.code}: ${error.message}`, {
    code: error.code,
    ...(error.hint !== undefined && { hint: error.hint }),
  });
}

/** MCP's code for a resource that does not exist (specification, Resources, Error Handling). */
const resourceNotFound = -32002;

function rpcCodeOf(error: OrchestraError): number {
  if (error.code.endsWith('_NOT_FOUND')) return resourceNotFound;
  return error.code === 'E_INTERNAL' ? McpErrorCode.InternalError : McpErrorCode.InvalidParams;
}

/**
 * The URI's variables as their values: the SDK matches a template without decoding, and a client
 * expanding `{?project}` percent-encodes the path's slashes (RFC 6570). A malformed escape stays as
 * sent, for the operation to refuse naming the field.
 */
function decoded(variables: Variables): Variables {
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, Array.isArray(value) ? value.map(decode) : decode(value)]));
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
