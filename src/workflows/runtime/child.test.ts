import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cancel } from '../../store/workflow-transitions.js';
import { workflow } from '../definition.js';
import { child } from './child.js';
import { cancelWorkflow, signalWorkflow } from './control.js';
import type { WorkflowDeps } from './deps.js';
import { runInstance } from './run-instance.js';
import { waitForSignal } from './signals.js';
import { startWorkflow } from './start-workflow.js';
import { step } from './step.js';
import { openHarness, type Harness } from './testing/harness.js';

let h: Harness;
const effects: string[] = [];
beforeEach(async () => {
  h = await openHarness();
  effects.length = 0;
});
afterEach(async () => {
  await h.close();
});

const shipping = workflow(
  'shipping',
  async (ctx, input) => {
    const label = await step(ctx, 'label', () => {
      effects.push(`label ${input.order}`);
      return `L-${input.order}`;
    });
    const picked = await waitForSignal<string>(ctx, 'picked');
    return { label, by: picked.received ? picked.payload : null };
  },
  { input: z.object({ order: z.string() }) },
);

const order = workflow('order', async (ctx, input: { order: string }) => {
  const shipped = await child(ctx, shipping, { order: input.order });
  return step(ctx, 'done', () => {
    effects.push('done');
    return { label: shipped.label, by: shipped.by };
  });
});

function deps(owner?: string): WorkflowDeps {
  return { ...h.deps(owner), definitions: (name) => (name === 'shipping' ? (shipping as never) : undefined) };
}

describe('child()', () => {
  it('issue 11: starts the child once with its parent recorded, waits without a process, and returns its result once it finished', async () => {
    await startWorkflow(deps(), order, { order: 'o-1' }, { id: 'parent' });
    expect(await runInstance(deps(), order, 'parent')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'child', instanceId: 'parent:0' } } });
    expect(await h.store.getWorkflow(h.scope, 'parent:0')).toMatchObject({ name: 'shipping', parentId: 'parent', status: 'running', input: { order: 'o-1' } });
    // A replay of the waiting parent finds the same child.
    expect(await runInstance(deps('worker-2'), order, 'parent')).toMatchObject({ status: 'waiting' });
    expect(await h.store.listWorkflows(h.scope, { parentId: 'parent' })).toHaveLength(1);

    expect(await runInstance(deps(), shipping, 'parent:0')).toMatchObject({ status: 'waiting' });
    await signalWorkflow(h.deps(), 'parent:0', 'picked', 'ann');
    expect(await runInstance(deps(), shipping, 'parent:0')).toMatchObject({ status: 'completed' });
    // The store woke the parent in the transaction that completed the child.
    expect(await h.store.getWorkflow(h.scope, 'parent')).toMatchObject({ status: 'running' });
    expect(await runInstance(deps(), order, 'parent')).toMatchObject({ status: 'completed', instance: { result: { label: 'L-o-1', by: 'ann' } } });
    expect((await h.store.readJournal(h.scope, 'parent'))[0]).toMatchObject({ kind: 'child', name: 'shipping', result: { label: 'L-o-1', by: 'ann' } });
    expect(effects).toEqual(['label o-1', 'done']);
  });

  it('issue 11: a crash between starting the child and suspending the parent: the replay finds the same child instead of starting a second', async () => {
    // What the crashed worker left: the child, started under the id the call derives, and the parent running with nothing journaled.
    await startWorkflow(deps(), shipping, { order: 'o-9' }, { id: 'crashed:0', parentId: 'crashed' });
    await startWorkflow(deps(), order, { order: 'o-9' }, { id: 'crashed' });
    expect(await runInstance(deps('worker-2'), order, 'crashed')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'child', instanceId: 'crashed:0' } } });
    expect((await h.store.listWorkflows(h.scope, { parentId: 'crashed' })).map((w) => w.id)).toEqual(['crashed:0']);
  });

  it('issue 11: a child started by name through the loaded definitions, with an id; a failed child throws its error in the parent', async () => {
    const failing = workflow('failing', async (ctx) => {
      await step(ctx, 'boom', () => {
        throw Object.assign(new Error('out of stock'), { code: 'E_STOCK' });
      });
    });
    const parent = workflow('parent', async (ctx) => {
      try {
        await child(ctx, 'failing', null, { id: 'kid' });
        return 'ok';
      } catch (error) {
        return `${(error as { code?: string }).code}: ${(error as Error).message}`;
      }
    });
    const withFailing: WorkflowDeps = { ...h.deps(), definitions: (name) => (name === 'failing' ? (failing as never) : undefined) };
    await startWorkflow(withFailing, parent, null, { id: 'p' });
    expect(await runInstance(withFailing, parent, 'p')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'child', instanceId: 'kid' } } });
    expect(await runInstance(withFailing, failing, 'kid')).toMatchObject({ status: 'failed' });
    expect(await runInstance(withFailing, parent, 'p')).toMatchObject({ status: 'completed', instance: { result: 'E_STOCK: out of stock' } });
  });

  it('issue 11: cancelling the parent cancels its waiting child, and the cleanup replay cancels a child a crash left running', async () => {
    await startWorkflow(deps(), order, { order: 'o-2' }, { id: 'parent' });
    expect(await runInstance(deps(), order, 'parent')).toMatchObject({ status: 'waiting' });
    await cancelWorkflow(h.deps(), 'parent');
    expect(await h.store.getWorkflow(h.scope, 'parent:0')).toMatchObject({ status: 'cancelled', cleanupPending: true });
    expect(await runInstance(deps(), order, 'parent')).toMatchObject({ status: 'cancelled' });
    expect(await runInstance(deps(), shipping, 'parent:0')).toMatchObject({ status: 'cancelled' });
    expect(effects).toEqual([]);

    // A crash between the parent's cancel and its children's: the parent's cleanup replay cancels them.
    await startWorkflow(deps(), order, { order: 'o-3' }, { id: 'p2' });
    expect(await runInstance(deps(), order, 'p2')).toMatchObject({ status: 'waiting' });
    await h.store.updateWorkflow(h.scope, 'p2', cancel(h.clock.now()));
    expect(await h.store.getWorkflow(h.scope, 'p2:0')).toMatchObject({ status: 'running' });
    expect(await runInstance(deps(), order, 'p2')).toMatchObject({ status: 'cancelled' });
    expect(await h.store.getWorkflow(h.scope, 'p2:0')).toMatchObject({ status: 'cancelled' });
  });

  it('issue 11: bad input for the child is journaled as the call error; an unknown child name fails the parent naming it', async () => {
    const parent = workflow('bad', async (ctx) => {
      try {
        await child(ctx, shipping, { order: 7 } as unknown as { order: string });
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'started';
    });
    await startWorkflow(deps(), parent, null, { id: 'b1' });
    expect(await runInstance(deps(), parent, 'b1')).toMatchObject({ status: 'completed', instance: { result: 'E_WORKFLOW_INPUT' } });
    expect((await h.store.readJournal(h.scope, 'b1'))[0]).toMatchObject({ kind: 'child', error: { code: 'E_WORKFLOW_INPUT' } });

    const unknown = workflow('unknown', async (ctx) => child(ctx, 'nothing', null));
    await startWorkflow(deps(), unknown, null, { id: 'u1' });
    expect(await runInstance(deps(), unknown, 'u1')).toMatchObject({
      status: 'failed',
      instance: { error: { code: 'E_WORKFLOW_NOT_FOUND', message: 'workflow "unknown" starts a child workflow "nothing", which is not loaded' } },
    });
    expect(await h.store.readJournal(h.scope, 'u1')).toEqual([]);
  });
});
