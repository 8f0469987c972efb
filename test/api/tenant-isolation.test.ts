import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/services/api/index.js';
import { marker, openTenants, type TenantAObjects, type Tenants } from './tenant-fixture.js';

/*
 * Tenant isolation of every route (issue 12), generated from the operation table: each operation
 * must have a case below, or the test fails, so a new route cannot skip it. Tenant b's tokens
 * (admin, so no access check hides a leak) call each operation on tenant a's objects; a's objects
 * must read the same before and after each call.
 *
 * How tenancy applies, per kind of object (docs/api.md "Tenants"):
 * - human tasks, workflow instances, guided instances, runs, notifications, tokens are the tenant's: another tenant's
 *   id is the same *_NOT_FOUND 404 as a missing one, and lists never show them;
 * - creating takes the caller's tenant: an id of a's (a human task's, a workflow's) names a new,
 *   separate object of b's; a token name of a's is free in b;
 * - coding tasks and pipelines are files of the projects the server serves, which have no tenant:
 *   every token of the server reaches the projects it serves (b reads what a reads) and no other
 *   folder (E_NOT_A_PROJECT). A project only another daemon serves is out of reach of this one's
 *   tokens, and that daemon's tokens do not authenticate here.
 */

type Input = (a: TenantAObjects, t: Tenants) => Record<string, unknown>;
type Expectation =
  /** B gets 404 with this code; a read also gets 200 with A's token (the id is real). */
  | { notFound: string }
  /** B's page does not carry the marker of a's objects; A's page with the same input does. */
  | { list: true }
  /**
   * The call succeeds on an object of the caller's tenant (a new tenant b2, b3…, so that an id of a's
   * reused here does not make the later cases act on b's own object); `check` looks at it.
   */
  | { createsInB: (body: Record<string, unknown>, t: Tenants) => Promise<void> | void }
  /** Files of a served project, tenant-free: B reads what A reads; an unserved folder is E_NOT_A_PROJECT. */
  | { sharedProject: true }
  /** A write on a project's files, made on a folder the server does not serve: E_NOT_A_PROJECT. */
  | { unservedProject: true }
  /** Machine-wide and tenant-free (the served folders): B gets exactly what A gets. */
  | { machineWide: true };
interface Case {
  input: Input;
  expect: Expectation;
}

const inProject: Input = (a, t) => ({ project: t.project, ref: String(a.task) });
const pipelineFile: Input = (_a, t) => ({ project: t.project, file: 'a.dot' });

const cases: Record<string, Case> = {
  'projects.list': { input: () => ({}), expect: { machineWide: true } },
  'pipelines.list': { input: (_a, t) => ({ project: t.project }), expect: { sharedProject: true } },
  'pipelines.validate': { input: pipelineFile, expect: { sharedProject: true } },
  'pipelines.render': { input: pipelineFile, expect: { sharedProject: true } },
  'pipelines.read': { input: pipelineFile, expect: { sharedProject: true } },
  'pipelines.save': { input: (_a, t) => ({ project: t.project, file: 'saved-by-b.dot', source: 'digraph G {}\n', overwrite: true }), expect: { unservedProject: true } },
  'pipelines.attributes': { input: () => ({}), expect: { machineWide: true } },
  'runs.list': { input: () => ({}), expect: { list: true } },
  'runs.get': { input: (a) => ({ runId: a.run }), expect: { notFound: 'E_RUN_NOT_FOUND' } },
  'runs.graph': { input: (a) => ({ runId: a.run }), expect: { notFound: 'E_RUN_NOT_FOUND' } },
  'runs.start': {
    input: (_a, t) => ({ project: t.project, file: 'a.dot', simulate: true }),
    expect: { createsInB: (body, t) => void expect(t.launches.at(-1)).toMatchObject({ kind: 'start', runId: body.runId, tenant: expect.stringMatching(/^b\d+$/) }) },
  },
  'runs.cancel': { input: (a) => ({ runId: a.run }), expect: { notFound: 'E_RUN_NOT_FOUND' } },
  // Judges only the caller's tenant's runs (src/services/api/workspace-operations.test.ts); a's have no workspace branches here.
  'workspaces.cleanup': { input: (_a, t) => ({ project: t.project, dryRun: true }), expect: { sharedProject: true } },
  'runs.resume': { input: (a) => ({ runId: a.run }), expect: { notFound: 'E_RUN_NOT_FOUND' } },
  'runs.replay': { input: (a) => ({ runId: a.run, checkpoint: 1 }), expect: { notFound: 'E_RUN_NOT_FOUND' } },
  'runs.answer': { input: (a) => ({ runId: a.run, answer: { choice: 'exit' } }), expect: { notFound: 'E_RUN_NOT_FOUND' } },
  'tasks.list': { input: (_a, t) => ({ project: t.project }), expect: { sharedProject: true } },
  'tasks.get': { input: inProject, expect: { sharedProject: true } },
  'tasks.status': { input: inProject, expect: { sharedProject: true } },
  'tasks.create': { input: (_a, t) => ({ project: t.project, slug: 'b-task', description: 'b' }), expect: { unservedProject: true } },
  'tasks.edit': { input: (a, t) => ({ ...inProject(a, t), description: 'b was here' }), expect: { unservedProject: true } },
  'tasks.start': { input: inProject, expect: { unservedProject: true } },
  'tasks.stop': { input: inProject, expect: { unservedProject: true } },
  'tasks.complete': { input: inProject, expect: { unservedProject: true } },
  'tasks.review': { input: inProject, expect: { unservedProject: true } },
  'tasks.merge': { input: inProject, expect: { unservedProject: true } },
  'tasks.diff': { input: inProject, expect: { sharedProject: true } },
  'tasks.logs': { input: inProject, expect: { unservedProject: true } },
  'humanTasks.list': { input: () => ({ view: 'all', status: ['open', 'claimed', 'completed', 'cancelled', 'expired'] }), expect: { list: true } },
  'humanTasks.get': { input: (a) => ({ id: a.humanTask }), expect: { notFound: 'E_HUMAN_TASK_NOT_FOUND' } },
  'humanTasks.create': {
    input: (a) => ({ id: a.humanTask, title: 'b asks', form: { ok: { type: 'boolean' } } }),
    expect: { createsInB: (body) => void expect(body).toMatchObject({ title: 'b asks', status: 'open' }) },
  },
  'humanTasks.claim': { input: (a) => ({ id: a.humanTask }), expect: { notFound: 'E_HUMAN_TASK_NOT_FOUND' } },
  'humanTasks.release': { input: (a) => ({ id: a.humanTask }), expect: { notFound: 'E_HUMAN_TASK_NOT_FOUND' } },
  'humanTasks.answer': { input: (a) => ({ id: a.humanTask, answer: { ok: true } }), expect: { notFound: 'E_HUMAN_TASK_NOT_FOUND' } },
  'humanTasks.reassign': { input: (a) => ({ id: a.humanTask, to: 'user:root' }), expect: { notFound: 'E_HUMAN_TASK_NOT_FOUND' } },
  'humanTasks.cancel': { input: (a) => ({ id: a.humanTask }), expect: { notFound: 'E_HUMAN_TASK_NOT_FOUND' } },
  'workflows.start': {
    input: (a, t) => ({ project: t.project, name: 'approval', input: { amount: 2, customer: 'b' }, id: a.workflow }),
    expect: { createsInB: (body) => void expect(body).toMatchObject({ created: true, instance: { input: { customer: 'b' } } }) },
  },
  'workflows.list': { input: () => ({}), expect: { list: true } },
  'workflows.get': { input: (a) => ({ id: a.workflow }), expect: { notFound: 'E_WORKFLOW_NOT_FOUND' } },
  'workflows.signal': { input: (a) => ({ id: a.workflow, name: 'ship', data: 'b' }), expect: { notFound: 'E_WORKFLOW_NOT_FOUND' } },
  'workflows.cancel': { input: (a) => ({ id: a.workflow }), expect: { notFound: 'E_WORKFLOW_NOT_FOUND' } },
  'notifications.list': { input: (a) => ({ taskId: a.humanTask }), expect: { list: true } },
  'tokens.list': { input: () => ({ includeRevoked: true }), expect: { list: true } },
  'tokens.create': {
    input: (a) => ({ name: a.token.name, access: 'read' }),
    expect: { createsInB: (body, t) => void expect(body.record).toMatchObject({ name: t.a.token.name, user: 'root' }) },
  },
  'tokens.revoke': { input: (a) => ({ id: a.token.id }), expect: { notFound: 'E_TOKEN_NOT_FOUND' } },
  'guided.definitions': { input: (_a, t) => ({ project: t.project }), expect: { sharedProject: true } },
  'guided.start': {
    input: (_a, t) => ({ project: t.project, workflow_name: 'REFACTOR_WITH_TESTS', context: { target: 'src/b.ts' } }),
    expect: { createsInB: (body) => void expect(body).toMatchObject({ status: 'running', next_step: { name: 'UNDERSTAND_TARGET' } }) },
  },
  'guided.status': { input: (a) => ({ instance_id: a.guided }), expect: { notFound: 'E_GUIDED_INSTANCE_NOT_FOUND' } },
  'guided.advance': {
    input: (a) => ({ instance_id: a.guided, report: { step_id: 'UNDERSTAND_TARGET', status: 'success' }, context_updates: { tests_passing: true } }),
    expect: { notFound: 'E_GUIDED_INSTANCE_NOT_FOUND' },
  },
  'guided.resume': {
    input: (a) => ({ instance_id: a.guided, assumed_current_step_name: 'REFACTOR_STEP', report: { step_id: 'REFACTOR_STEP', status: 'success' } }),
    expect: { notFound: 'E_GUIDED_INSTANCE_NOT_FOUND' },
  },
  'guided.show': { input: (a) => ({ instance_id: a.guided }), expect: { notFound: 'E_GUIDED_INSTANCE_NOT_FOUND' } },
  'guided.list': { input: () => ({}), expect: { list: true } },
  // Asks in B's own tenant (its human task is B's) and, unanswered, denies at its 1 s deadline.
  'approvals.request': {
    input: () => ({ tool_name: 'Bash', input: { command: 'ls' }, timeout_seconds: 1 }),
    expect: { createsInB: (body) => void expect(body).toMatchObject({ behavior: 'deny' }) },
  },
};

let t: Tenants;
beforeAll(async () => {
  t = await openTenants();
}, 60_000);
afterAll(() => t.close());

async function check(name: string, c: Case): Promise<void> {
  const input = c.input(t.a, t);
  const asB = () => t.call(name, t.tokens.bAdmin, input);
  const e = c.expect;
  if ('notFound' in e) {
    const reply = await asB();
    expect(reply, `${name} as tenant b`).toMatchObject({ status: 404, body: { code: e.notFound } });
    if (operations.find((op) => op.name === name)?.access === 'read') expect((await t.call(name, t.tokens.a, input)).status).toBe(200);
  } else if ('list' in e) {
    const [theirs, ours] = [await asB(), await t.call(name, t.tokens.a, input)];
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body.items)).not.toContain(marker);
    expect(JSON.stringify(ours.body.items), `${name} as tenant a lists a's object`).toContain(marker);
  } else if ('createsInB' in e) {
    const reply = await t.call(name, await t.newTenantToken(), input);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    await e.createsInB(reply.body, t);
  } else if ('machineWide' in e) {
    const reply = await asB();
    expect(reply.status).toBe(200);
    expect(reply).toEqual(await t.call(name, t.tokens.a, input));
  } else {
    if ('sharedProject' in e) expect(await asB()).toEqual(await t.call(name, t.tokens.a, input));
    const unserved = await t.call(name, t.tokens.bAdmin, { ...input, project: t.unserved });
    expect(unserved, `${name} on a folder the server does not serve`).toMatchObject({ status: 400, body: { code: 'E_NOT_A_PROJECT' } });
  }
}

describe('issue 12: tenant isolation of every operation', () => {
  it('issue 12: every operation of the table has an isolation case, and every case an operation', () => {
    const names = operations.map((op) => op.name);
    expect(names.filter((name) => !(name in cases)), 'operations without a case in test/api/tenant-isolation.test.ts').toEqual([]);
    expect(Object.keys(cases).filter((name) => !names.includes(name as (typeof names)[number]))).toEqual([]);
  });

  it.each(operations.map((op) => [op.name]))("issue 12: %s as tenant b neither sees nor changes tenant a's objects", async (name) => {
    const c = cases[name];
    if (c === undefined) throw new Error(`${name} has no isolation case`);
    const before = await t.snapshotA();
    await check(name, c);
    expect(await t.snapshotA(), `${name} as tenant b changed tenant a's objects`).toEqual(before);
  });

  it.each(operations.filter((op) => op.access !== 'read').map((op) => [op.name, op.access]))('issue 12: %s (%s) with a read token is 403 E_FORBIDDEN and changes nothing', async (name, access) => {
    const input = cases[name]?.input(t.a, t) ?? {};
    const before = await t.snapshotA();
    const tokens = access === 'admin' ? [t.tokens.bRead, t.tokens.bWrite] : [t.tokens.bRead];
    for (const token of tokens) expect(await t.call(name, token, input)).toMatchObject({ status: 403, body: { code: 'E_FORBIDDEN' } });
    expect(await t.snapshotA()).toEqual(before);
  });

  it("issue 12: a's token still works, and a token of another daemon's store is 401 here", async () => {
    expect((await t.call('humanTasks.get', t.tokens.a, { id: t.a.humanTask })).body).toMatchObject({ title: `${marker} approval`, status: 'open' });
    const other = await openTenants();
    try {
      expect(await t.call('tasks.list', other.tokens.bAdmin, { project: other.project })).toMatchObject({ status: 401, body: { code: 'E_UNAUTHORIZED' } });
    } finally {
      await other.close();
    }
  });
});
