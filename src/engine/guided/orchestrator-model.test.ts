import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../store/store.js';
import { stepDeciderFromEnvironment } from './decider-from-environment.js';
import { guidedDepsFor, refactorDefinition } from './guided-fixtures.case.js';
import { advanceGuided, startGuided } from './orchestrator.js';
import { resumeGuided } from './resume.js';

const scope = mintTenantScope('acme');
let model: FakeModelServer;
let dir: string;
let store: Store;

beforeAll(async () => {
  model = await startFakeModelServer();
});
afterAll(async () => {
  await model.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orchestra-guided-model-'));
  store = await openSqliteStore(join(dir, 'orchestra.db'));
  model.requests.length = 0;
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const answer = (next: string, reason: string, updates: Record<string, unknown> = {}) => ({ text: JSON.stringify({ next_step: next, context_updates: updates, reason }) });

async function started(env: Record<string, string>) {
  const decider = stepDeciderFromEnvironment({ env });
  const deps = guidedDepsFor(store, refactorDefinition(), decider && { decider });
  const { instance_id: id } = await startGuided(deps, scope, { definition: refactorDefinition(), context: { target: 'src/a.ts' } });
  return { deps, id };
}

describe('the guided orchestrator with a model (AI_SERVICE_ENDPOINT, the fake model server)', () => {
  it('issue 13: follows a good answer (a failed step routed back), sending the guidance, history, report and context', async () => {
    const { deps, id } = await started({ AI_SERVICE_ENDPOINT: model.openaiBaseUrl, AI_SERVICE_API_KEY: 'k', AI_SERVICE_MODEL: 'gpt-fake' });
    model.script([answer('TEST', 'the plan is good'), answer('PLAN', 'tests failed: plan again', { tests: 0 })]);
    expect(await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } })).toMatchObject({ next_step: { name: 'TEST' }, reason: 'the plan is good' });
    const back = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'failure', result: '2 failing' } });
    expect(back).toMatchObject({ status: 'running', next_step: { name: 'PLAN', instructions: 'Plan the refactoring of src/a.ts.' }, reason: 'tests failed: plan again' });
    const sent = JSON.stringify(model.requests.at(-1)?.body);
    for (const part of ['Guidance for TEST', '2 failing', 'src/a.ts', 'PLAN']) expect(sent).toContain(part);
    expect(model.requests.at(-1)?.headers.authorization).toBe('<redacted>');
    const decision = (await store.readGuidedDecisions(scope, id)).at(-1);
    expect(decision).toMatchObject({ kind: 'advance', by: 'model', reason: 'tests failed: plan again', input: { asked: 'AI_SERVICE_ENDPOINT/gpt-fake', guidance: expect.stringContaining('Guidance for TEST') }, output: { next_step: 'PLAN' } });
    expect(decision).not.toHaveProperty('fallback');
    expect(await store.getGuidedInstance(scope, id)).toMatchObject({ context: { tests: 0 } });
  });

  it('issue 13: an answer naming a missing step falls back to the rules, and the fallback is recorded', async () => {
    const { deps, id } = await started({ AI_SERVICE_ENDPOINT: model.openaiBaseUrl, AI_SERVICE_MODEL: 'gpt-fake' });
    model.script([answer('DEPLOY', 'ship it')]);
    const next = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    expect(next).toMatchObject({ next_step: { name: 'TEST' }, fallback: 'the model named step "DEPLOY", which workflow REFACTOR does not have' });
    // No AI_SERVICE_API_KEY: no credentials sent.
    expect(model.requests.at(-1)?.headers).not.toHaveProperty('authorization');
    expect((await store.readGuidedDecisions(scope, id)).at(-1)).toMatchObject({ by: 'rules', fallback: expect.stringContaining('DEPLOY'), output: { model_answer: { next_step: 'DEPLOY' } } });
  });

  it('issue 13: a model error falls back to the rules; a resume asks the model too', async () => {
    const { deps, id } = await started({ AI_SERVICE_ENDPOINT: model.openaiBaseUrl, AI_SERVICE_MODEL: 'gpt-fake' });
    model.script([{ error: { status: 500, message: 'boom' } }, answer('REVIEW', 'the agent wrote the tests already')]);
    expect(await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } })).toMatchObject({ next_step: { name: 'TEST' }, fallback: expect.stringContaining('the model failed') });
    const resumed = await resumeGuided(deps, scope, { instance_id: id, assumed_current_step_name: 'REVIEW', report: { step_id: 'TEST', status: 'success' } });
    expect(resumed).toMatchObject({ next_step: { name: 'REVIEW' }, reason: 'continue: the agent wrote the tests already' });
    expect((await store.readGuidedDecisions(scope, id)).at(-1)).toMatchObject({ kind: 'resume', by: 'model', output: { action: 'continue' } });
  });
});

describe('a model that does not answer in time', () => {
  let silent: Server;
  const authorizations: Array<string | undefined> = [];
  beforeAll(async () => {
    // Real HTTP that never answers: the request is held until the client gives up.
    silent = createServer((req) => authorizations.push(req.headers.authorization));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('issue 13: AI_REQUEST_TIMEOUT_MS passes, the rules decide, and the timeout is recorded; AI_SERVICE_API_KEY is the bearer token', async () => {
    const { port } = silent.address() as AddressInfo;
    const { deps, id } = await started({ AI_SERVICE_ENDPOINT: `http://127.0.0.1:${port}/v1`, AI_SERVICE_API_KEY: 'sk-guided', AI_REQUEST_TIMEOUT_MS: '200' });
    const next = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    expect(next).toMatchObject({ next_step: { name: 'TEST' }, fallback: 'the model failed: no answer within 200 ms (AI_REQUEST_TIMEOUT_MS)' });
    expect((await store.readGuidedDecisions(scope, id)).at(-1)).toMatchObject({ by: 'rules', fallback: expect.stringContaining('200 ms') });
    expect(authorizations).toEqual(['Bearer sk-guided']);
  });
});

describe('stepDeciderFromEnvironment', () => {
  it('issue 13: no model configured means the rules; a bad AI_REQUEST_TIMEOUT_MS is E_CONFIG', () => {
    expect(stepDeciderFromEnvironment({ env: {} })).toBeUndefined();
    expect(() => stepDeciderFromEnvironment({ env: { AI_SERVICE_ENDPOINT: 'http://x/v1', AI_REQUEST_TIMEOUT_MS: 'soon' } })).toThrow(expect.objectContaining({ code: 'E_CONFIG' }));
  });
});
