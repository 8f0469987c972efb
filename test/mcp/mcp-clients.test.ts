import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_PROTOCOL_VERSION, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPipeline } from '../../src/cli/testing/pipelines.js';
import { callError, callOk, connectHttp, connectStdio, createToken, eventually, startDaemon, type McpConnection } from '../support/mcp-clients.js';
import { TaskProject } from '../support/task-project.js';

// The official MCP client against one real daemon (a real git project, its own ORCHESTRA_HOME, HTTP
// on port 0), over stdio (`orchestra mcp` of the built CLI) and over Streamable HTTP (/mcp with a
// token from `orchestra token create`): the same tools, a coding task driven from create to merge
// with the fake agent, and a human task from create to answer.

const p = new TaskProject({ quietMs: 300 });
let url = '';
let writeToken = '';

beforeAll(async () => {
  url = await startDaemon(p);
  writeToken = await createToken(p, 'e2e-writer', 'write');
}, 60_000);

afterAll(async () => {
  await p.cleanup();
});

interface TaskResult {
  id: number;
  slug: string;
  status: string;
  projectRoot: string;
  branch?: string;
  worktree?: string;
  needsInput: boolean;
}

interface HumanTaskResult {
  id: string;
  status: string;
  answer?: Record<string, unknown>;
  answeredBy?: string;
  history: Array<{ action: string }>;
}

const transports: Array<[string, () => Promise<McpConnection>]> = [
  ['stdio (orchestra mcp)', () => connectStdio(p)],
  ['Streamable HTTP (/mcp)', () => connectHttp(url, writeToken)],
];

describe.each(transports)('issue 12: the official MCP client over %s', (transport, connect) => {
  const slug = transport.startsWith('stdio') ? 'via-stdio' : 'via-http';
  let mcp: McpConnection;

  beforeAll(async () => {
    mcp = await connect();
  }, 60_000);

  afterAll(async () => {
    await mcp?.close();
  });

  it('issue 12: lists the task and human-task tools with their annotations', async () => {
    const { tools } = await mcp.client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    for (const name of ['task_create', 'task_list', 'task_get', 'task_start', 'task_stop', 'task_complete', 'task_merge', 'task_status', 'human_task_create', 'human_task_list', 'human_task_get', 'human_task_claim', 'human_task_answer']) {
      expect(byName.get(name)?.inputSchema.type, name).toBe('object');
      expect(byName.get(name)?.description, name).not.toBe('');
    }
    expect(byName.get('task_get')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(byName.get('task_create')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.get('task_merge')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get('human_task_list')?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('human_task_answer')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
  });

  it('issue 12: drives a coding task from create to merge: the work lands on the base branch', { timeout: 90_000 }, async () => {
    const created = await callOk<TaskResult>(mcp, 'task_create', { project: p.project, slug, description: `Fix it (${transport}).`, agent: 'fake' });
    expect(created).toMatchObject({ slug, status: 'draft', needsInput: false });
    const ref = String(created.id);

    const started = await callOk<TaskResult>(mcp, 'task_start', { project: p.project, ref });
    expect(started).toMatchObject({ id: created.id, status: 'running', branch: `orchestra/${created.id}-${slug}` });
    const worktree = started.worktree ?? '';
    expect(worktree).not.toBe('');
    // The fake agent asks once its work is done: it waits for input, idle.
    await eventually(() => callOk<TaskResult>(mcp, 'task_status', { project: p.project, ref }), (status) => status.needsInput, 'the agent to ask');

    // What the agent changed in its worktree (left uncommitted: the merge commits it).
    writeFileSync(join(worktree, `${slug}.txt`), `done over ${transport}\n`);
    expect(await callOk<TaskResult>(mcp, 'task_complete', { project: p.project, ref })).toMatchObject({ id: created.id, status: 'completed' });

    const merged = await callOk<{ task: TaskResult; commit: string; files: string[]; removedWorktree: boolean }>(mcp, 'task_merge', { project: p.project, ref });
    expect(merged).toMatchObject({ task: { id: created.id, status: 'merged' }, files: [`${slug}.txt`], removedWorktree: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: p.project, encoding: 'utf8' });
    expect(git('show', `main:${slug}.txt`)).toBe(`done over ${transport}\n`);
    expect(git('rev-parse', 'main').trim()).toBe(merged.commit);
    expect(git('log', '--format=%s', 'main')).toContain(slug);
    expect((await callOk<TaskResult>(mcp, 'task_get', { project: p.project, ref })).status).toBe('merged');
  });

  it('issue 12: a human task from create to answer: a bad answer is a tool error naming the field, with code and hint', { timeout: 60_000 }, async () => {
    const form = { decision: { type: 'select', label: 'Refund?', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }, note: { type: 'text' } };
    const created = await callOk<HumanTaskResult>(mcp, 'human_task_create', { title: `Refund 40 EUR? (${transport})`, form, context: { order: 'A-17' } });
    expect(created).toMatchObject({ status: 'open', form: { decision: { type: 'select' } }, context: { order: 'A-17' }, createdBy: { kind: 'api' } });
    const inbox = await callOk<{ items: HumanTaskResult[] }>(mcp, 'human_task_list', { view: 'all' });
    expect(inbox.items.map((task) => task.id)).toContain(created.id);

    expect(await callOk<HumanTaskResult>(mcp, 'human_task_claim', { id: created.id })).toMatchObject({ status: 'claimed' });
    const refused = await callError(mcp, 'human_task_answer', { id: created.id, answer: { decision: 'maybe' } });
    expect(refused).toMatchObject({ code: 'E_FORM_INVALID', hint: expect.any(String), fields: [{ field: 'decision', message: expect.stringContaining('yes') }] });
    expect(refused.text).toContain(refused.hint);
    // Bad arguments (not a bad answer) are a tool error too, E_USAGE naming the argument.
    expect(await callError(mcp, 'human_task_answer', { id: created.id })).toMatchObject({ code: 'E_USAGE', fields: [{ field: 'answer' }] });
    expect((await callOk<HumanTaskResult>(mcp, 'human_task_get', { id: created.id })).status).toBe('claimed');

    const answered = await callOk<HumanTaskResult>(mcp, 'human_task_answer', { id: created.id, answer: { decision: 'yes', note: 'ok' } });
    expect(answered).toMatchObject({ status: 'completed', answer: { decision: 'yes', note: 'ok' } });
    const got = await callOk<HumanTaskResult>(mcp, 'human_task_get', { id: created.id });
    expect(got).toMatchObject({ status: 'completed', answer: { decision: 'yes', note: 'ok' }, answeredBy: expect.any(String) });
    expect(got.history.map((entry) => entry.action)).toEqual(['created', 'claimed', 'answered']);
  });

  it('issue 12: speaks the newest MCP revision the official SDK supports', () => {
    expect(mcp.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
  });

  it('issue 12: resources: the inbox, a task file and a run with its node history, read as JSON by URI', { timeout: 60_000 }, async () => {
    const read = async <T>(uri: string): Promise<T> => {
      const { contents } = (await mcp.client.readResource({ uri })) as ReadResourceResult;
      expect(contents[0]).toMatchObject({ uri, mimeType: 'application/json' });
      return JSON.parse((contents[0] as { text: string }).text) as T;
    };
    expect((await mcp.client.listResources()).resources.map((resource) => resource.uri)).toContain('orchestra://inbox');
    expect((await mcp.client.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual(['orchestra://runs/{id}', 'orchestra://tasks/{ref}{?project}']);

    const human = await callOk<HumanTaskResult>(mcp, 'human_task_create', { title: `Read me (${transport})`, form: { ok: { type: 'boolean' } } });
    expect((await read<{ items: HumanTaskResult[] }>('orchestra://inbox')).items.map((task) => task.id)).toContain(human.id);

    const task = await callOk<TaskResult>(mcp, 'task_create', { project: p.project, slug: `${slug}-file`, description: `A task file read as a resource (${transport}).`, agent: 'fake' });
    const file = await read<TaskResult & { description: string }>(`orchestra://tasks/${task.id}?project=${encodeURIComponent(p.project)}`);
    expect(file).toMatchObject({ id: task.id, slug: `${slug}-file`, status: 'draft', description: expect.stringContaining(`read as a resource (${transport})`) });

    const { runId } = await callOk<{ runId: string }>(mcp, 'pipeline_run', { project: p.project, source: smallPipeline, variables: { who: transport }, simulate: true });
    const run = await eventually(
      () => read<{ run: { id: string; displayState: string }; nodes: Array<{ nodeId: string; status: string }> }>(`orchestra://runs/${runId}`),
      (got) => got.run.displayState === 'completed',
      'the run to complete',
    );
    expect(run.nodes.filter((node) => node.nodeId === 'plan' || node.nodeId === 'build').map((node) => [node.nodeId, node.status])).toEqual([['plan', 'success'], ['build', 'success']]);
    // A missing one is the JSON-RPC not-found error carrying Orchestra's code, not an empty document.
    await expect(mcp.client.readResource({ uri: 'orchestra://runs/nosuchrun' })).rejects.toMatchObject({ code: -32002, message: expect.stringContaining('E_RUN_NOT_FOUND') });
  });

  it('issue 12: an Orchestra error is a tool error with its code and hint, not a protocol error', async () => {
    expect(await callError(mcp, 'task_get', { project: p.project, ref: 'no-such-task' })).toMatchObject({ code: 'E_TASK_NOT_FOUND' });
    expect(await callError(mcp, 'human_task_get', { id: 'ht_nope' })).toMatchObject({ code: 'E_HUMAN_TASK_NOT_FOUND' });
    expect(await callError(mcp, 'task_list', { project: join(p.root, 'nowhere') })).toMatchObject({ code: 'E_NOT_A_PROJECT', hint: expect.stringContaining('project') });
  });
});
