import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/outcome.js';
import type { Handler } from '../handler.js';
import { buildGraph } from '../testing/build-graph.js';
import { createConditionalHandler } from './conditional/index.js';
import { createExitHandler } from './exit/index.js';
import { createStartHandler } from './start/index.js';
import { cleanupHarnesses, createHandlerHarness } from './testing/index.js';

afterEach(cleanupHarnesses);

const graph = buildGraph({
  nodes: { start: { shape: 'Mdiamond' }, check: { shape: 'diamond' }, done: { shape: 'Msquare' } },
  edges: [['start', 'check'], ['check', 'done']],
});

describe('start, exit and conditional handlers', () => {
  it.each<[string, () => Handler, string, Outcome]>([
    ['start', createStartHandler, 'start', { status: 'success' }],
    ['exit', createExitHandler, 'done', { status: 'success' }],
    ['conditional', createConditionalHandler, 'check', { status: 'success', notes: 'Conditional node evaluated: check' }],
  ])('%s returns SUCCESS without emitting anything', async (_name, create, nodeId, expected) => {
    const harness = await createHandlerHarness({ graph, nodeId, context: { outcome: 'fail' } });
    await expect(create().execute(harness.input)).resolves.toEqual(expected);
    expect(harness.events).toEqual([]);
  });
});
