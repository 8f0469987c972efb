import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { systemClock } from '../../core/clock.js';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import { advanceWorkflow, showWorkflow, startWorkflow, workflowStatus } from './guided-actions.js';
import type { GuidedServiceContext } from './guided-context.js';

// The guided services read the project's orchestra.yaml only when a decision is due: reading an
// instance works whatever the configuration says, and an edit applies to the next decision.

const shipped = join(import.meta.dirname, '../../../templates/guided/WORK');
let model: FakeModelServer;
let project: string;
let ctx: GuidedServiceContext;

beforeAll(async () => {
  model = await startFakeModelServer();
});
afterAll(() => model.close());
beforeEach(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-guided-context-')));
  cpSync(shipped, join(project, 'workflows/WORK'), { recursive: true });
  ctx = { store: createMemoryStore(), scope: mintTenantScope('acme'), clock: systemClock, env: { AI_SERVICE_ENDPOINT: '' } };
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const report = (step: string) => ({ report: { step_id: step, status: 'success' } });

describe('issue 13: the guided services and the model\'s configuration', () => {
  it('issue 13: status and show never read orchestra.yaml; an advance reads it when it decides, so a broken one is E_CONFIG (nothing stored) and a fixed one\'s provider decides', async () => {
    const { instance_id } = await startWorkflow(ctx, project, { workflow_name: 'WORK', context: { goal: 'Add CSV export' } });
    writeFileSync(join(project, 'orchestra.yaml'), 'providers: [\n');
    expect(await workflowStatus(ctx, { instance_id })).toMatchObject({ status: 'running', next_step: { name: 'CLARIFY_GOAL' } });
    const before = await showWorkflow(ctx, { instance_id });

    await expect(advanceWorkflow(ctx, { instance_id, ...report('CLARIFY_GOAL') })).rejects.toMatchObject({ code: 'E_CONFIG' });
    expect(await showWorkflow(ctx, { instance_id })).toEqual(before);

    writeFileSync(join(project, 'orchestra.yaml'), `providers:\n  local:\n    type: openai-compatible\n    base_url: ${model.openaiBaseUrl}\n    models: { smart: gpt-smart, worker: gpt-worker }\n`);
    model.script([{ text: JSON.stringify({ next_step: 'PLAN', context_updates: {}, reason: 'the goal is clear' }) }]);
    expect(await advanceWorkflow(ctx, { instance_id, ...report('CLARIFY_GOAL') })).toMatchObject({ next_step: { name: 'PLAN' }, reason: 'the goal is clear' });
    // The orchestrator asks for the smart tier of orchestra.yaml's provider.
    expect(model.requests.at(-1)?.model).toBe('gpt-smart');
    expect((await showWorkflow(ctx, { instance_id })).decisions.at(-1)).toMatchObject({ by: 'model', input: { asked: 'local/gpt-smart' } });
  });
});
