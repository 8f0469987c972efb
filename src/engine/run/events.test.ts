import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.js';
import type { StoredEvent } from '../../store/types.js';
import { startRun } from '../runner.js';
import { createEngineHarness, eventTypes, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

const source = `digraph G {
  start [shape=Mdiamond]
  work [max_retries=1]
  done [shape=Msquare]
  start -> work -> done
}`;

describe('events', () => {
  it('are gapless, in seq order, and in the store before onEvent sees them', async () => {
    harness = await createEngineHarness({ script: { work: [{ status: 'retry' }, { status: 'success' }] } });
    const seenInStore: Array<Promise<StoredEvent[]>> = [];
    const seen: RunEvent[] = [];
    const handle = await startRun(
      { file: pipelineFile(harness), source },
      harness.engine({
        onEvent: (event) => {
          seen.push(event);
          seenInStore.push(harness.store.readEvents(event.runId, event.seq - 1, 1));
        },
      }),
    );
    await handle.result();
    expect(seen.map((event) => event.seq)).toEqual(seen.map((_, index) => index + 1));
    const stored = await Promise.all(seenInStore);
    expect(stored.map((events) => events[0])).toEqual(seen);
    expect(await harness.store.readEvents(handle.runId, 0)).toEqual(seen);
    expect(eventTypes(seen)).toEqual([
      'run.started',
      'node.started',
      'node.completed',
      'edge.selected',
      'checkpoint.saved',
      'node.started',
      'node.failed',
      'node.retrying',
      'node.started',
      'node.completed',
      'edge.selected',
      'checkpoint.saved',
      'node.started',
      'node.completed',
      'checkpoint.saved',
      'run.completed',
    ]);
  });

  it('a throwing listener does not stop the run', async () => {
    harness = await createEngineHarness();
    const handle = await startRun(
      { file: pipelineFile(harness), source },
      harness.engine({
        onEvent: () => {
          throw new Error('listener bug');
        },
      }),
    );
    expect((await handle.result()).state).toBe('completed');
  });

  it('node events carry the node, index, attempt and handler', async () => {
    harness = await createEngineHarness();
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine());
    await handle.result();
    expect(harness.events.filter((event) => event.type === 'node.started')).toEqual([
      expect.objectContaining({ node: 'start', index: 1, attempt: 1, handler: 'start' }),
      expect.objectContaining({ node: 'work', index: 2, attempt: 1, handler: 'codergen' }),
      expect.objectContaining({ node: 'done', index: 3, attempt: 1, handler: 'exit' }),
    ]);
    expect(harness.events.filter((event) => event.type === 'checkpoint.saved').map((event) => event.type === 'checkpoint.saved' && event.checkpoint)).toEqual([1, 2, 3]);
  });
});
