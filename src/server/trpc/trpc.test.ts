import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../../services/api/index.js';
import { openApiHarness, type ApiHarness } from '../../services/api/testing/api-harness.js';
import type { Access } from '../../services/api/index.js';
import { trpcMount, type OrchestraRouter } from './index.js';
import { serveApp, testApp, testCallerHeaders } from './testing/serve-app.js';

let h: ApiHarness;
let server: { url: string; close(): Promise<void> };
beforeEach(async () => {
  h = await openApiHarness();
  const app = testApp(h);
  trpcMount(operations)(app);
  server = await serveApp(app);
});
afterEach(async () => {
  await server.close();
  await h.close();
});

const clientAs = (tenant: string, user: string, access: Access = 'write') =>
  createTRPCClient<OrchestraRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: testCallerHeaders(tenant, user, access) })] });

const form = { decision: { type: 'select', required: true, options: [{ value: 'yes', label: 'Yes' }] } };

/** The error a call rejected with, as a tRPC client sees it. */
async function failure(call: Promise<unknown>): Promise<{ code: string; orchestra: unknown; message: string }> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  const data = error.data as { code: string; orchestra: unknown };
  return { code: data.code, orchestra: data.orchestra, message: error.message };
}

describe('tRPC over the operations', () => {
  it('issue 12: @trpc/client creates, reads and answers a human task through /trpc, typed from the operations', async () => {
    const root = clientAs('acme', 'root');
    const task = await root.humanTasks.create.mutate({ title: 'Approve?', form, assignee: 'group:support' });
    const ann = clientAs('acme', 'ann');
    expect((await ann.humanTasks.list.query({})).items.map((t) => t.id)).toEqual([task.id]);
    const answered = await ann.humanTasks.answer.mutate({ id: task.id, answer: { decision: 'yes' } });
    expect(answered).toMatchObject({ status: 'completed', answeredBy: 'ann' });
    expect((await ann.humanTasks.get.query({ id: task.id })).history.map((e) => e.action)).toEqual(['created', 'answered']);
    expect((await ann.workflows.list.query({})).items).toEqual([]);
    expect((await ann.notifications.list.query({ taskId: task.id })).items.map((n) => n.event)).toEqual(['completed', 'created']);
  });

  it('issue 12: an Orchestra error reaches the client with its code, hint and fields in data.orchestra', async () => {
    const root = clientAs('acme', 'root');
    const task = await root.humanTasks.create.mutate({ title: 'Approve?', form });
    expect(await failure(root.humanTasks.answer.mutate({ id: task.id, answer: { decision: 'no' } }))).toMatchObject({
      code: 'BAD_REQUEST',
      orchestra: { code: 'E_FORM_INVALID', fields: [{ field: 'decision', message: expect.stringContaining('yes') }] },
    });
    expect(await failure(clientAs('other', 'root').humanTasks.get.query({ id: task.id }))).toMatchObject({ code: 'NOT_FOUND', orchestra: { code: 'E_HUMAN_TASK_NOT_FOUND' } });
    expect(await failure(root.workflows.start.mutate({ project: '/tmp', name: 'approval' }))).toMatchObject({ code: 'BAD_REQUEST', orchestra: { code: 'E_NOT_A_PROJECT', hint: expect.stringContaining(h.project.dir) } });
  });

  it('issue 12: input failing its schema is BAD_REQUEST, E_USAGE naming each field', async () => {
    const root = clientAs('acme', 'root');
    // @ts-expect-error title is required: the type says so too.
    const result = await failure(root.humanTasks.create.mutate({ form, priority: 'asap' }));
    expect(result).toMatchObject({ code: 'BAD_REQUEST', orchestra: { code: 'E_USAGE', fields: expect.arrayContaining([expect.objectContaining({ field: 'title' }), expect.objectContaining({ field: 'priority' })]) } });
    expect(result.message).toContain('title');
  });

  it('issue 12: a read-only caller may query but not mutate', async () => {
    const reader = clientAs('acme', 'ann', 'read');
    expect((await reader.humanTasks.list.query({ view: 'all' })).items).toEqual([]);
    expect(await failure(reader.humanTasks.create.mutate({ title: 'x', form }))).toMatchObject({ code: 'FORBIDDEN', orchestra: { code: 'E_FORBIDDEN' }, message: expect.stringContaining('write') });
  });
});
