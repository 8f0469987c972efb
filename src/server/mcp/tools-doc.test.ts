import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations as table, type Operation } from '../../services/api/index.js';
import { toolDefinition } from './mcp-tools.js';
import { expectFreshDoc } from '../docs/testing/expect-fresh-doc.js';
import { renderToolsDoc, toolsDocBlock } from './tools-doc.js';
import { sampleOperations } from './testing/sample-operations.js';

// Widened: on a branch where the table is still empty its tuple type has no elements.
const operations: readonly Operation[] = table;
const page = resolve(import.meta.dirname, '../../../docs/mcp.md');

describe('docs/mcp.md tools', () => {
  it('issue 12: the generated tools block of docs/mcp.md matches the operation table (npm run docs:mcp rewrites it)', () => {
    expectFreshDoc(page, toolsDocBlock, renderToolsDoc(operations), 'docs:mcp');
  });

  it('issue 12: every tool of the table has an object input, a snake_case name used once, a summary and a description', () => {
    const tools = operations.filter((op) => op.mcp !== false).map(toolDefinition);
    expect(new Set(tools.map((tool) => tool.name)).size).toBe(tools.length);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.title?.length).toBeGreaterThan(0);
      expect(tool.description?.length).toBeGreaterThan(0);
    }
  });

  it('issue 12: a tool section lists its arguments with types, defaults and whether required', () => {
    const block = renderToolsDoc(sampleOperations);
    expect(block).toContain('### `echo`: Echo a text');
    expect(block).toContain('| `text` | string | yes |');
    expect(block).toContain('| `times` | integer (default `1`) | no |');
    expect(block).toContain('(needs write access, destructive; operation `samples.remove`)');
    expect(block).not.toContain('samples.internal');
  });
});
