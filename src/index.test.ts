import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as orchestra from './index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(orchestra).sort()).toMatchInlineSnapshot(`
      [
        "ErrorCode",
        "ExitCode",
        "OrchestraError",
        "RunContext",
        "StepError",
        "TaskUnansweredError",
        "agent",
        "answerHumanTask",
        "authenticateLocal",
        "cancelHumanTask",
        "child",
        "claimHumanTask",
        "createAutoApproveInterviewer",
        "createCallbackInterviewer",
        "createConsoleInterviewer",
        "createDefaultRegistry",
        "createHandlerRegistry",
        "createHumanTask",
        "createMemoryStore",
        "createQueueInterviewer",
        "createRecordingInterviewer",
        "createSimulationBackend",
        "evaluateCondition",
        "formatDiagnostic",
        "getHumanTask",
        "isOrchestraError",
        "isWorkflowDefinition",
        "listHumanTasks",
        "loadPipeline",
        "openLocalHumanTasks",
        "openSqliteStore",
        "parseCondition",
        "parseDot",
        "patched",
        "pipeline",
        "preparePipeline",
        "reassignHumanTask",
        "releaseHumanTask",
        "renderSvg",
        "replayRun",
        "resolveOrchestraHome",
        "resumeRun",
        "sleep",
        "sleepUntil",
        "startRun",
        "step",
        "task",
        "timeout",
        "validate",
        "validateOrThrow",
        "waitForSignal",
        "workflow",
      ]
    `);
  });
});

// A program using human tasks through the package entry only, as a user of `orchestra` would.
describe('issue 10: human tasks in the public API', () => {
  it('issue 10: a local program creates, lists, claims, releases, reassigns, answers and cancels tasks as people of orchestra.yaml, in its tenant only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orchestra-sdk-'));
    const store = await orchestra.openSqliteStore(join(dir, 'orchestra.db'));
    try {
      writeFileSync(join(dir, 'orchestra.yaml'), 'people:\n  users:\n    ann: { email: ann@example.com }\n    bob: {}\n    rel: {}\n  groups:\n    approvers: [ann, bob]\n    leads: [rel]\n  admins: [rel]\n');
      const as = (user: string, tenant?: string): Promise<orchestra.HumanTaskServiceContext> =>
        orchestra.openLocalHumanTasks({ store, user, dir, env: {}, ...(tenant !== undefined && { tenant }) });
      const form: orchestra.FormDefinition = { decision: { type: 'select', required: true, options: [{ value: 'ship', label: 'Ship' }, { value: 'hold', label: 'Hold' }] } };
      const rel = await as('rel');
      const task: orchestra.HumanTask = await orchestra.createHumanTask(rel, { title: 'Ship 1.4?', form, assignee: 'group:approvers', sla: '30m' });
      expect(task).toMatchObject({ tenant: 'default', status: 'open', assignee: { kind: 'group', id: 'approvers' } });

      const ann = await as('ann@example.com');
      expect(ann.actor).toEqual({ id: 'ann', groups: ['approvers'], admin: false });
      expect((await orchestra.listHumanTasks(ann, { view: 'mine' })).tasks.map((t) => t.id)).toEqual([task.id]);
      expect((await orchestra.claimHumanTask(ann, { id: task.id })).claimedBy).toBe('ann');
      expect((await orchestra.releaseHumanTask(ann, { id: task.id })).status).toBe('open');
      await expect(orchestra.answerHumanTask(ann, { id: task.id, answer: { decision: 'later' } })).rejects.toMatchObject({ code: 'E_FORM_INVALID' });

      const acme = await as('ann', 'acme');
      expect(acme.scope.tenant).toBe('acme');
      expect((await orchestra.listHumanTasks(acme, { view: 'all' })).tasks).toEqual([]);
      await expect(orchestra.getHumanTask(acme, { id: task.id })).rejects.toMatchObject({ code: 'E_HUMAN_TASK_NOT_FOUND' });
      await expect(orchestra.answerHumanTask(acme, { id: task.id, answer: { decision: 'ship' } })).rejects.toMatchObject({ code: 'E_HUMAN_TASK_NOT_FOUND' });

      expect((await orchestra.reassignHumanTask(ann, { id: task.id, to: 'user:bob' })).assignee).toEqual({ kind: 'user', id: 'bob' });
      const done = await orchestra.answerHumanTask(await as('bob'), { id: task.id, answer: { decision: 'ship' } });
      expect(done).toMatchObject({ status: 'completed', answer: { decision: 'ship' }, answeredBy: 'bob' });
      expect((await orchestra.getHumanTask(rel, { id: task.id })).status).toBe('completed');

      const other = await orchestra.createHumanTask(rel, { title: 'Cancel me', form });
      expect((await orchestra.cancelHumanTask(rel, { id: other.id, reason: 'not needed' })).status).toBe('cancelled');
      // The scope a local program gets is the CLI's: --tenant, else ORCHESTRA_TENANT, else default.
      const scope: orchestra.TenantScope = orchestra.authenticateLocal({ env: { ORCHESTRA_TENANT: 'acme' } });
      expect(scope.tenant).toBe('acme');
      expect(() => orchestra.authenticateLocal({ flag: 'Not A Tenant', env: {} })).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

