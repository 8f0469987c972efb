import type { Operation } from '../../services/api/index.js';
import { tableCell as cell, type GeneratedBlock } from '../docs/generated-block.js';
import { resourceSpecs } from './mcp-resources.js';
import { toolDefinition } from './mcp-tools.js';

export const toolsDocBlock: GeneratedBlock = {
  start: '<!-- generated: MCP tools (src/server/mcp/tools-doc.ts; `npm run docs:mcp` rewrites it) -->',
  end: '<!-- end of generated MCP tools -->',
};

interface JsonProperty {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  default?: unknown;
}

/**
 * The tools section of docs/mcp.md, from the operation table: what a token of each access sees, so
 * the page cannot drift from what `tools/list` answers. A test compares the page's block with it.
 */
export function renderToolsDoc(operations: readonly Operation[]): string {
  const tools = operations.filter((op) => op.mcp !== false);
  const sections = tools.map(renderTool);
  const resources = resourceSpecs.map((spec) => `| \`${spec.uri}\` | ${spec.description} |`);
  return [
    toolsDocBlock.start,
    '',
    tools.length === 0 ? '_No operation is served as a tool yet._' : `${tools.length} tools.`,
    '',
    ...sections,
    '### Resources',
    '',
    'Each is offered when the operation it reads is in the table and the token may run it.',
    '',
    '| URI | What it holds |',
    '|---|---|',
    ...resources,
    '',
    toolsDocBlock.end,
  ].join('\n');
}

function renderTool(op: Operation): string {
  const tool = toolDefinition(op);
  const hints = [op.access === 'read' ? 'read-only' : `needs ${op.access} access`, ...(op.destructive === true ? ['destructive'] : []), ...(op.idempotent === true ? ['idempotent'] : [])];
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, JsonProperty>;
  const required = new Set(tool.inputSchema.required ?? []);
  const rows = Object.entries(properties).map(([name, property]) => `| \`${name}\` | ${typeOf(property)} | ${required.has(name) ? 'yes' : 'no'} | ${cell(property.description ?? '')} |`);
  return [
    `### \`${tool.name}\`: ${op.summary}`,
    '',
    `${op.description} (${hints.join(', ')}; operation \`${op.name}\`)`,
    '',
    ...(rows.length === 0 ? ['No arguments.'] : ['| argument | type | required | description |', '|---|---|---|---|', ...rows]),
    '',
  ].join('\n');
}

function typeOf(property: JsonProperty): string {
  if (property.enum !== undefined) return property.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  const type = Array.isArray(property.type) ? property.type.join(' \\| ') : (property.type ?? 'any');
  return property.default === undefined ? type : `${type} (default \`${JSON.stringify(property.default)}\`)`;
}

