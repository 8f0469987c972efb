import { describe, expect, it } from 'vitest';
import { operations } from '../../services/api/index.js';
import { resourceSpecs } from './mcp-resources.js';

// A resource's input is made by hand from its URI: checked here against the real operation's input
// schema, so a renamed field (runs.get takes `runId`) cannot leave a resource that never reads.
const variables = { id: 'r1', ref: '7', project: '/home/ann/shop' };

describe('MCP resources', () => {
  it.each(resourceSpecs.map((spec) => [spec.name, spec] as const))('issue 12: the %s resource gives its operation an input its schema accepts', (_name, spec) => {
    const op = operations.find((candidate) => candidate.name === spec.operation);
    expect(op, `${spec.operation} is in the operation table`).toBeDefined();
    const parsed = op!.input.safeParse(spec.input(variables));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
