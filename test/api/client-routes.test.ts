import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, OrchestraApiError, type OrchestraClient } from '../../src/client/index.js';
import { operations } from '../../src/services/api/index.js';
import { openTenants, type Tenants } from './tenant-fixture.js';

/*
 * Every operation through the real server on 127.0.0.1 with the typed client `orchestra/client`
 * (issue 12), generated from the operation table: each operation must have a case below, or the
 * test fails, so a new operation cannot skip it. The server is the tenant fixture's (a SQLite store
 * in a temp home, the daemon's TaskService over a git project, runs launched by a recorder), called
 * with tenant a's admin token. A case either answers, and the answer must pass the operation's
 * output schema, or (where the state it needs is heavy to build: a live agent, a gate waiting) it
 * is refused with an expected Orchestra code, read from the problem+json as OrchestraApiError.
 */

interface Case {
  call: (client: OrchestraClient, t: Tenants) => Promise<unknown>;
  /** The code the call is refused with; absent: it answers. */
  refused?: string;
}

const newHumanTask = async (client: OrchestraClient) => (await client.humanTasks.create({ title: 'Ship?', form: { ok: { type: 'boolean', required: true } } })).id;
const newTask = async (client: OrchestraClient, t: Tenants, slug: string) => String((await client.tasks.create({ project: t.project, slug, description: `client test: ${slug}` })).id);
const startWorkflow = async (client: OrchestraClient, t: Tenants, id: string) => (await client.workflows.start({ project: t.project, name: 'approval', input: { amount: 1, customer: 'C' }, id })).instance.id;
const startGuided = async (client: OrchestraClient, t: Tenants) =>
  (await client.guided.start({ project: t.project, workflow_name: 'REFACTOR_WITH_TESTS', context: { target: 'src/client.ts' } })).instance_id;

const cases: Record<string, Case> = {
  'projects.list': {
    call: async (c, t) => {
      const out = await c.projects.list({});
      expect(out.projects).toContain(t.project);
      return out;
    },
  },
  'pipelines.list': { call: (c, t) => c.pipelines.list({ project: t.project }) },
  'pipelines.validate': { call: (c, t) => c.pipelines.validate({ project: t.project, file: 'a.dot' }) },
  'pipelines.render': { call: (c, t) => c.pipelines.render({ project: t.project, file: 'a.dot' }) },
  'pipelines.read': {
    call: async (c, t) => {
      const out = await c.pipelines.read({ project: t.project, file: 'a.dot' });
      expect(out.source).toContain('digraph');
      return out;
    },
  },
  'pipelines.save': {
    call: async (c, t) => {
      const { source, version } = await c.pipelines.read({ project: t.project, file: 'a.dot' });
      const out = await c.pipelines.save({ project: t.project, file: 'a.dot', source, version });
      expect(out.version).toBe(version);
      return out;
    },
  },
  'pipelines.attributes': {
    call: async (c) => {
      const out = await c.pipelines.attributes({});
      expect(out.attributes.find((a) => a.name === 'max_retries')).toMatchObject({ appliesTo: ['node'], type: 'integer', min: 0 });
      return out;
    },
  },
  'runs.list': { call: (c) => c.runs.list({ limit: 5 }) },
  'runs.get': { call: (c, t) => c.runs.get({ runId: t.a.run }) },
  'runs.graph': { call: (c, t) => c.runs.graph({ runId: t.a.run }) },
  'runs.start': { call: (c, t) => c.runs.start({ project: t.project, file: 'a.dot', simulate: true }) },
  'runs.cancel': { call: (c, t) => c.runs.cancel({ runId: t.a.run }) },
  'workspaces.cleanup': { call: (c, t) => c.workspaces.cleanup({ project: t.project, dryRun: true }) },
  'runs.resume': { call: (c, t) => c.runs.resume({ runId: t.a.run }) },
  // The fixture's run is a record with no checkpoint and no gate.
  'runs.replay': { call: (c, t) => c.runs.replay({ runId: t.a.run, checkpoint: 1 }), refused: 'E_CHECKPOINT_NOT_FOUND' },
  'runs.answer': { call: (c, t) => c.runs.answer({ runId: t.a.run, answer: { choice: 'ship' } }), refused: 'E_HUMAN_TASK_NOT_FOUND' },
  'tasks.list': { call: (c, t) => c.tasks.list({ project: t.project }) },
  'tasks.get': { call: (c, t) => c.tasks.get({ project: t.project, ref: String(t.a.task) }) },
  'tasks.status': { call: (c, t) => c.tasks.status({ project: t.project, ref: String(t.a.task) }) },
  'tasks.create': { call: (c, t) => c.tasks.create({ project: t.project, slug: 'client-create', description: 'made by the typed client' }) },
  'tasks.edit': { call: async (c, t) => c.tasks.edit({ project: t.project, ref: await newTask(c, t, 'client-edit'), description: 'edited' }) },
  // A coding agent is heavy to run here: a draft task (it has no agent, no worktree yet) is refused
  // by what needs one, and starting names an unknown agent profile, refused before anything runs.
  'tasks.start': { call: async (c, t) => c.tasks.start({ project: t.project, ref: await newTask(c, t, 'client-start'), agent: 'no-such-agent' }), refused: 'E_CONFIG' },
  'tasks.stop': { call: async (c, t) => c.tasks.stop({ project: t.project, ref: await newTask(c, t, 'client-stop') }), refused: 'E_AGENT_NOT_RUNNING' },
  'tasks.complete': { call: async (c, t) => c.tasks.complete({ project: t.project, ref: await newTask(c, t, 'client-complete') }), refused: 'E_TASK_STATE' },
  'tasks.review': { call: async (c, t) => c.tasks.review({ project: t.project, ref: await newTask(c, t, 'client-review') }), refused: 'E_TASK_STATE' },
  'tasks.merge': { call: async (c, t) => c.tasks.merge({ project: t.project, ref: await newTask(c, t, 'client-merge') }), refused: 'E_TASK_STATE' },
  'tasks.diff': { call: (c, t) => c.tasks.diff({ project: t.project, ref: String(t.a.task) }), refused: 'E_TASK_STATE' },
  'tasks.logs': { call: (c, t) => c.tasks.logs({ project: t.project, ref: String(t.a.task) }) },
  'humanTasks.list': { call: (c) => c.humanTasks.list({ view: 'all', status: ['open', 'completed'], limit: 10 }) },
  'humanTasks.get': { call: (c, t) => c.humanTasks.get({ id: t.a.humanTask }) },
  'humanTasks.create': { call: (c) => c.humanTasks.create({ title: 'Refund?', form: { ok: { type: 'boolean' } }, assignee: 'group:support' }) },
  'humanTasks.claim': { call: async (c) => c.humanTasks.claim({ id: await newHumanTask(c) }) },
  'humanTasks.release': { call: async (c) => c.humanTasks.release({ id: await newHumanTask(c) }), refused: 'E_HUMAN_TASK_STATE' },
  'humanTasks.answer': { call: async (c) => c.humanTasks.answer({ id: await newHumanTask(c), answer: { ok: true } }) },
  'humanTasks.reassign': { call: async (c) => c.humanTasks.reassign({ id: await newHumanTask(c), to: 'user:bob' }) },
  'humanTasks.cancel': { call: async (c) => c.humanTasks.cancel({ id: await newHumanTask(c) }) },
  // Unanswered, it denies at its 1 s deadline.
  'approvals.request': { call: (c) => c.approvals.request({ tool_name: 'Bash', input: { command: 'ls' }, timeout_seconds: 1 }) },
  'workflows.start': { call: (c, t) => c.workflows.start({ project: t.project, name: 'approval', input: { amount: 3, customer: 'D' } }) },
  'workflows.list': { call: (c) => c.workflows.list({ limit: 5 }) },
  'workflows.get': { call: (c, t) => c.workflows.get({ id: t.a.workflow }) },
  'workflows.signal': { call: async (c, t) => c.workflows.signal({ id: await startWorkflow(c, t, 'wf-signal'), name: 'ship', data: 'now' }) },
  'workflows.cancel': { call: async (c, t) => c.workflows.cancel({ id: await startWorkflow(c, t, 'wf-cancel') }) },
  'guided.definitions': { call: (c, t) => c.guided.definitions({ project: t.project }) },
  'guided.start': { call: (c, t) => c.guided.start({ project: t.project, workflow_name: 'REFACTOR_WITH_TESTS', context: { target: 'src/start.ts', goal: 'split' } }) },
  'guided.status': { call: (c, t) => c.guided.status({ instance_id: t.a.guided }) },
  'guided.advance': {
    call: async (c, t) => c.guided.advance({ instance_id: await startGuided(c, t), report: { step_id: 'UNDERSTAND_TARGET', status: 'success' }, context_updates: { tests_passing: true } }),
  },
  'guided.resume': { call: async (c, t) => c.guided.resume({ instance_id: await startGuided(c, t), assumed_current_step_name: 'UNDERSTAND_TARGET' }) },
  'guided.show': { call: (c, t) => c.guided.show({ instance_id: t.a.guided }) },
  'guided.list': { call: (c) => c.guided.list({ status: ['running'], name: 'REFACTOR_WITH_TESTS', limit: 5 }) },
  'notifications.list': { call: (c, t) => c.notifications.list({ taskId: t.a.humanTask }) },
  'tokens.list': { call: (c) => c.tokens.list() },
  'tokens.create': { call: (c) => c.tokens.create({ name: 'client-robot', access: 'read' }) },
  'tokens.revoke': { call: async (c) => c.tokens.revoke({ id: (await c.tokens.create({ name: 'client-revoked', access: 'read' })).record.id }) },
};

let t: Tenants;
let client: OrchestraClient;
beforeAll(async () => {
  t = await openTenants();
  client = createClient({ url: t.api.url, token: t.tokens.a });
}, 60_000);
afterAll(() => t.close());

describe('issue 12: every operation through the typed client against the real server', () => {
  it('issue 12: every operation of the table has a client case, and every case an operation', () => {
    const names = operations.map((op) => op.name);
    expect(names.filter((name) => !(name in cases)), 'operations without a case in test/api/client-routes.test.ts').toEqual([]);
    expect(Object.keys(cases).filter((name) => !names.includes(name as (typeof names)[number]))).toEqual([]);
  });

  it.each(operations.map((op) => [op.name, op] as const))('issue 12: %s through orchestra/client', async (name, op) => {
    const c = cases[name];
    if (c === undefined) throw new Error(`${name} has no client case`);
    const outcome = await c.call(client, t).then(
      (answer) => ({ answer }),
      (error: unknown) => ({ error }),
    );
    if (c.refused === undefined) {
      if ('error' in outcome) throw outcome.error;
      const parsed = op.output.safeParse(outcome.answer);
      expect(parsed.success, `${name}'s answer against its output schema: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    } else {
      if ('answer' in outcome) throw new Error(`${name} answered ${JSON.stringify(outcome.answer)}; expected ${c.refused}`);
      expect(outcome.error).toBeInstanceOf(OrchestraApiError);
      expect(outcome.error).toMatchObject({ code: c.refused, status: expect.any(Number), message: expect.any(String) });
      expect((outcome.error as OrchestraApiError).status).toBeGreaterThanOrEqual(400);
      expect((outcome.error as OrchestraApiError).status).toBeLessThan(500);
    }
  });
});
