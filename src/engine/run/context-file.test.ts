import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const pipeline = `digraph G { goal="g"; start [shape=Mdiamond]; first; second; done [shape=Msquare]; start -> first -> second -> done }`;

const readContext = async (logsRoot: string, node: string) => JSON.parse(await readFile(join(logsRoot, node, 'context.json'), 'utf8')) as Record<string, unknown>;

describe('issue 9: context.json', () => {
  it('issue 9: each stage dir gets the context its node saw when it started, not what it or later nodes changed', async () => {
    harness = await createEngineHarness({
      script: {
        first: [{ status: 'success', contextUpdates: { found: 'by first', nested: { a: [1] } } }],
        second: [{ status: 'success', contextUpdates: { found: 'by second' } }],
      },
    });
    const handle = await startRun({ file: pipelineFile(harness), source: pipeline }, harness.engine());
    expect((await handle.result()).state).toBe('completed');
    const first = await readContext(handle.logsRoot, 'first');
    expect(first).toMatchObject({ current_node: 'first', 'graph.goal': 'g' });
    expect(first).not.toHaveProperty('found');
    const second = await readContext(handle.logsRoot, 'second');
    expect(second).toMatchObject({ current_node: 'second', found: 'by first', nested: { a: [1] }, outcome: 'success' });
    expect((await readContext(handle.logsRoot, 'done'))['found']).toBe('by second');
  });
});
