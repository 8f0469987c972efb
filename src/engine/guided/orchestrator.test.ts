import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import type { GuidedDefinition } from '../../guided/definition.js';
import { openSqliteStore } from '../../store/sqlite/open-sqlite-store.js';
import type { Store } from '../../store/store.js';
import { guidedDepsFor, refactorDefinition } from './guided-fixtures.case.js';
import { advanceGuided, getGuidedStatus, startGuided } from './orchestrator.js';
import { resumeGuided } from './resume.js';

const scope = mintTenantScope('acme');
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orchestra-guided-'));
  store = await openSqliteStore(join(dir, 'orchestra.db'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function snapshot(id: string) {
  return { instance: await store.getGuidedInstance(scope, id), history: await store.readGuidedHistory(scope, id), decisions: await store.readGuidedDecisions(scope, id) };
}

describe('the guided orchestrator on SQLite, by the rules', () => {
  it('issue 13: starts, hands out instructions rendered with the context, and advances to completion', async () => {
    const deps = guidedDepsFor(store, refactorDefinition());
    const started = await startGuided(deps, scope, { definition: refactorDefinition(), context: { target: 'src/a.ts' } });
    expect(started).toMatchObject({ status: 'running', next_step: { name: 'PLAN', instructions: 'Plan the refactoring of src/a.ts.' } });
    const id = started.instance_id;
    const tested = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' }, context_updates: { tests: 4 } });
    expect(tested).toMatchObject({ status: 'running', next_step: { name: 'TEST', instructions: 'Write tests for src/a.ts.' } });
    for (const step of ['TEST', 'REVIEW']) await advanceGuided(deps, scope, { instance_id: id, report: { step_id: step, status: 'success' } });
    const done = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'DONE', status: 'success', result: 'all green' } });
    expect(done).toMatchObject({ status: 'completed', next_step: null });
    const stored = await snapshot(id);
    expect(stored.instance).toMatchObject({ status: 'completed', context: { target: 'src/a.ts', tests: 4 } });
    expect(stored.history.map((h) => h.step)).toEqual(['PLAN', 'TEST', 'REVIEW', 'DONE']);
    expect(stored.decisions.map((d) => [d.kind, d.by])).toEqual([['start', 'rules'], ['advance', 'rules'], ['advance', 'rules'], ['advance', 'rules'], ['advance', 'rules']]);
    expect((await store.readFeed(scope, { filter: { guidedId: id }, limit: 20 })).map((e) => e.type)).toEqual(['guided.started', 'guided.step', 'guided.step', 'guided.step', 'guided.completed']);
  });

  it('issue 13: bad input is a clear error and changes nothing stored', async () => {
    const deps = guidedDepsFor(store, refactorDefinition());
    await expect(startGuided(deps, scope, { definition: refactorDefinition(), context: { target: 3 } })).rejects.toMatchObject({ code: 'E_GUIDED_CONTEXT', message: expect.stringContaining('context.target: expected string (declared at /defs/REFACTOR/index.md:3:3), got number') });
    await expect(startGuided(deps, scope, { definition: refactorDefinition(), context: {} })).rejects.toMatchObject({ code: 'E_GUIDED_CONTEXT', message: expect.stringContaining('needs context target') });
    const { instance_id: id } = await startGuided(deps, scope, { definition: refactorDefinition(), context: { target: 'a.ts' } });
    const before = await snapshot(id);
    await expect(advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'success' } })).rejects.toMatchObject({ code: 'E_GUIDED_STEP_NOT_CURRENT', hint: expect.stringContaining('resume_workflow') });
    await expect(advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' }, context_updates: { tests: 'many' } })).rejects.toMatchObject({ code: 'E_GUIDED_CONTEXT', message: expect.stringContaining('context_updates.tests: expected number') });
    await expect(advanceGuided(deps, scope, { instance_id: 'nope', report: { step_id: 'PLAN', status: 'success' } })).rejects.toMatchObject({ code: 'E_GUIDED_INSTANCE_NOT_FOUND' });
    await expect(getGuidedStatus(deps, mintTenantScope('globex'), { instance_id: id })).rejects.toMatchObject({ code: 'E_GUIDED_INSTANCE_NOT_FOUND' });
    expect(await snapshot(id)).toEqual(before);
    const failedDef: GuidedDefinition = { ...refactorDefinition(), steps: refactorDefinition().steps.slice(0, 1) };
    const short = guidedDepsFor(store, failedDef);
    await advanceGuided(short, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    await expect(advanceGuided(short, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } })).rejects.toMatchObject({ code: 'E_GUIDED_STATE', message: expect.stringContaining('it completed') });
  });

  it('issue 13: a step that waits for a human task creates it, waits, and moves on once it is answered (checked on read)', async () => {
    const definition = refactorDefinition({ review: { kind: 'human-task', title: 'Review the refactoring', assignee: 'group:reviewers' } });
    const deps = guidedDepsFor(store, definition);
    const { instance_id: id } = await startGuided(deps, scope, { definition, context: { target: 'a.ts' } });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    const waiting = await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'success' } });
    expect(waiting).toMatchObject({ status: 'waiting', next_step: null, waiting_for: { step: 'REVIEW', human_task_id: expect.any(String) } });
    const taskId = waiting.waiting_for?.human_task_id ?? '';
    expect(await store.getHumanTask(scope, taskId)).toMatchObject({ title: 'Review the refactoring', description: 'Review the change.', assignee: { kind: 'group', id: 'reviewers' }, createdBy: { kind: 'guided', guidedId: id, step: 'REVIEW' } });
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'waiting', waiting_for: { human_task_id: taskId } });
    await expect(advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'REVIEW', status: 'success' } })).rejects.toMatchObject({ code: 'E_GUIDED_STATE' });

    await store.updateHumanTask(scope, taskId, (task) => ({ next: { ...task, status: 'completed', answer: { outcome: 'success', notes: 'fine' }, answeredBy: 'ann', answeredAt: 5, updatedAt: 5 }, entry: { at: 5, actor: 'ann', action: 'answered' } }));
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'DONE' } });
    expect((await store.readGuidedHistory(scope, id)).at(-1)).toMatchObject({ step: 'REVIEW', report: { step_id: 'REVIEW', status: 'success', answered_by: 'ann', result: { notes: 'fine' } } });
  });
});

describe('resume after a restart', () => {
  it('issue 13: reopens the store, and a wrong assumed step is reconciled with a reason, stored as a resume decision', async () => {
    const path = join(dir, 'orchestra.db');
    let deps = guidedDepsFor(store, refactorDefinition());
    const { instance_id: id } = await startGuided(deps, scope, { definition: refactorDefinition(), context: { target: 'a.ts' } });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'PLAN', status: 'success' } });
    await advanceGuided(deps, scope, { instance_id: id, report: { step_id: 'TEST', status: 'success' } });
    await store.close();

    store = await openSqliteStore(path);
    deps = guidedDepsFor(store, refactorDefinition());
    // The agent lost its place and believes it is back at TEST, done earlier: roll back to the record.
    const rolledBack = await resumeGuided(deps, scope, { instance_id: id, assumed_current_step_name: 'TEST' });
    expect(rolledBack).toMatchObject({ status: 'running', next_step: { name: 'REVIEW' }, reason: expect.stringContaining('rollback: TEST was done earlier') });
    // Believing it is at DONE, with REVIEW reported done: DONE follows REVIEW, continue from its view.
    const continued = await resumeGuided(deps, scope, { instance_id: id, assumed_current_step_name: 'DONE', report: { step_id: 'REVIEW', status: 'success' } });
    expect(continued).toMatchObject({ status: 'running', next_step: { name: 'DONE' }, reason: expect.stringContaining('continue') });
    const decisions = await store.readGuidedDecisions(scope, id);
    expect(decisions.slice(-2).map((d) => [d.kind, d.by, d.output.action])).toEqual([['resume', 'rules', 'rollback'], ['resume', 'rules', 'continue']]);
    expect((await store.readGuidedHistory(scope, id)).map((h) => h.step)).toEqual(['PLAN', 'TEST', 'REVIEW']);
  });

  it('issue 13: a view the rules cannot settle asks a person; the answer decides the step', async () => {
    const deps = guidedDepsFor(store, refactorDefinition());
    const { instance_id: id } = await startGuided(deps, scope, { definition: refactorDefinition(), context: { target: 'a.ts' } });
    const asked = await resumeGuided(deps, scope, { instance_id: id, assumed_current_step_name: 'REVIEW' });
    expect(asked).toMatchObject({ status: 'waiting', reason: expect.stringContaining('ask-person'), waiting_for: { step: 'PLAN' } });
    const taskId = asked.waiting_for?.human_task_id ?? '';
    expect(await store.getHumanTask(scope, taskId)).toMatchObject({ context: { recorded_step: 'PLAN', assumed_step: 'REVIEW' }, form: { step: { type: 'select' } } });
    await store.updateHumanTask(scope, taskId, (task) => ({ next: { ...task, status: 'completed', answer: { step: 'REVIEW' }, answeredBy: 'bob', answeredAt: 9, updatedAt: 9 }, entry: { at: 9, actor: 'bob', action: 'answered' } }));
    expect(await getGuidedStatus(deps, scope, { instance_id: id })).toMatchObject({ status: 'running', next_step: { name: 'REVIEW' }, reason: 'bob chose REVIEW (recorded PLAN, the agent assumed REVIEW)' });
    expect((await store.readGuidedDecisions(scope, id)).at(-1)).toMatchObject({ kind: 'resume', by: 'person' });
  });
});
