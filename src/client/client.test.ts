import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { openApiHarness, type ApiHarness } from '../services/api/testing/api-harness.js';
import { startTokenServer, type TokenServer } from '../server/http/testing/token-server.js';
import { createClient, OrchestraApiError } from './index.js';

/*
 * The typed client against the real HTTP API (createHttpApp) on 127.0.0.1, over a real SQLite
 * store whose API tokens authenticate each call: `as(tenant, user, access)` makes one.
 */

let h: ApiHarness;
let api: TokenServer;
beforeEach(async () => {
  h = await openApiHarness();
  api = await startTokenServer(h.deps);
});
afterEach(async () => {
  await api.server.close();
  await h.close();
});

const form = { decision: { type: 'select', required: true, options: [{ value: 'yes', label: 'Yes' }] } };
const as = async (tenant: string, user: string, access: 'read' | 'write' = 'write') => createClient({ url: `${api.url}/`, token: await api.token(tenant, user, access) });
const rejection = (call: Promise<unknown>) => call.then(() => undefined, (error: unknown) => error);

describe('orchestra/client', () => {
  it('issue 12: methods grouped by area call the REST routes: path params, query strings with arrays and numbers, JSON bodies', async () => {
    const root = await as('acme', 'root');
    const task = await root.humanTasks.create({ title: 'Ship?', form, assignee: 'group:support' });
    expectTypeOf(task.status).toEqualTypeOf<'open' | 'claimed' | 'completed' | 'expired' | 'cancelled'>();
    const ann = await as('acme', 'ann');
    expect((await ann.humanTasks.list({ status: ['open', 'claimed'], limit: 5 })).items.map((t) => t.id)).toEqual([task.id]);
    expect(await ann.humanTasks.answer({ id: task.id, answer: { decision: 'yes' } })).toMatchObject({ status: 'completed', answeredBy: 'ann' });
    expect((await ann.humanTasks.get({ id: task.id })).answer).toEqual({ decision: 'yes' });
    expect((await ann.workflows.list()).items).toEqual([]);
    const started = await root.workflows.start({ project: h.project.dir, name: 'approval', input: { amount: 1, customer: 'A' }, id: 'order-1' });
    expect((await ann.workflows.get({ id: started.instance.id })).instance.status).toBe('running');
    expect((await ann.notifications.list({ taskId: task.id })).items.map((n) => n.event)).toEqual(['completed', 'created']);
  });

  it('issue 12: a problem+json response throws OrchestraApiError with code, message, hint, status and fields', async () => {
    const root = await as('acme', 'root');
    const task = await root.humanTasks.create({ title: 'Ship?', form });
    const invalid = await rejection(root.humanTasks.answer({ id: task.id, answer: { decision: 'no' } }));
    expect(invalid).toBeInstanceOf(OrchestraApiError);
    expect(invalid).toMatchObject({ code: 'E_FORM_INVALID', status: 400, fields: [{ field: 'decision', message: expect.stringContaining('yes') }] });
    expect(await rejection((await as('other', 'root')).humanTasks.get({ id: task.id }))).toMatchObject({ code: 'E_HUMAN_TASK_NOT_FOUND', status: 404, message: expect.stringContaining(task.id) });
    expect(await rejection(root.workflows.start({ project: '/tmp', name: 'approval' }))).toMatchObject({ code: 'E_NOT_A_PROJECT', status: 400, hint: expect.stringContaining(h.project.dir) });
    expect(await rejection((await as('acme', 'ann', 'read')).humanTasks.cancel({ id: task.id }))).toMatchObject({ code: 'E_FORBIDDEN', status: 403 });
    // @ts-expect-error limit is a number.
    expect(await rejection(root.humanTasks.list({ limit: 'many' }))).toMatchObject({ code: 'E_USAGE', status: 400, fields: [expect.objectContaining({ field: 'limit' })] });
  });
});
