import { z } from 'zod';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { allows, type ApiCaller, type Operation } from '../../services/api/index.js';

type JsonSchemaObject = Tool['inputSchema'];

/** The operations a caller may run as MCP tools: a read-only token never even sees a write tool. */
export function toolOperations(operations: readonly Operation[], caller: Pick<ApiCaller, 'access'>): Operation[] {
  return operations.filter((op) => op.mcp !== false && allows(caller.access, op.access));
}

/**
 * The MCP tool an operation is: its name, summary as title, description, zod input as JSON Schema
 * (2020-12, the dialect MCP 2025-11-25 defaults to; `io: 'input'`, so defaulted fields are optional),
 * the output schema when the output is an object, and the behaviour hints from the operation table.
 */
export function toolDefinition(op: Operation): Tool {
  const tool: Tool = {
    name: toolName(op),
    title: op.summary,
    description: op.description,
    inputSchema: inputSchemaOf(op),
    annotations: {
      title: op.summary,
      readOnlyHint: op.access === 'read',
      destructiveHint: op.destructive === true,
      idempotentHint: op.idempotent === true,
      // Orchestra acts on the user's own projects and store, not on an open world.
      openWorldHint: false,
    },
  };
  const output = objectSchemaOf(op.output, 'output');
  if (output !== undefined) tool.outputSchema = output;
  return tool;
}

/** The tool name of an operation the table serves over MCP. */
export function toolName(op: Operation): string {
  if (op.mcp === false) throw new Error(`operation ${op.name} is not an MCP tool`);
  return op.mcp;
}

// MCP requires a tool's input to be an object: an operation table entry with another input is a bug
// in the table, which the table's own test catches (every tool has an object input).
function inputSchemaOf(op: Operation): JsonSchemaObject {
  const schema = objectSchemaOf(op.input, 'input');
  if (schema === undefined) throw new Error(`operation ${op.name}: an MCP tool's input must be a zod object`);
  return schema;
}

function objectSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchemaObject | undefined {
  // `any` for what JSON cannot say (a transform's output): the zod schema still checks it on the way in.
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json.type === 'object' ? (json as JsonSchemaObject) : undefined;
}
