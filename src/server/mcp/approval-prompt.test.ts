import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { operations } from '../../services/api/index.js';
import { invoke, openApiHarness, type ApiHarness } from '../../services/api/testing/api-harness.js';
import { createFeedWakeup, type FeedWakeup } from '../../services/events/index.js';
import { watchStoreChanges } from '../../store/sqlite/index.js';
import type { HumanTask } from '../../store/human-task-types.js';
import { serveMcpApp, type TestMcpApp } from './testing/serve-mcp-app.js';

// Claude Code's --permission-prompt-tool through the real MCP endpoint (official client over
// Streamable HTTP), on a SQLite store whose commits wake the wait; the person answers through the
// humanTasks operations, as the inbox CLI, REST and MCP do.

let harness: ApiHarness;
let app: TestMcpApp;
let wake: FeedWakeup;
let closeWatcher: () => void;
const clients: Client[] = [];

beforeAll(async () => {
  harness = await openApiHarness();
  const changes = watchStoreChanges(`${harness.deps.home}/orchestra.db`);
  wake = createFeedWakeup(changes);
  closeWatcher = () => {
    wake.close();
    changes.close();
  };
  harness.deps.clock = systemClock;
  harness.deps.storeWake = wake;
  const ann = harness.caller('acme', 'ann');
  app = await serveMcpApp({ operations, tokens: {}, home: harness.deps.home, deps: harness.deps, authenticate: (token) => Promise.resolve(token === 'ann-token' ? ann : undefined) });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await app.close();
  closeWatcher();
  await harness.close();
});

async function connect(): Promise<Client> {
  const client = new Client({ name: 'claude-code-stand-in', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers: { authorization: 'Bearer ann-token' } } }));
  clients.push(client);
  return client;
}

const bob = () => harness.caller('acme', 'bob');

/** The open approval whose context has `toolUseId`, once the tool call has made it. */
async function openApproval(toolUseId: string): Promise<HumanTask> {
  let found: HumanTask | undefined;
  await expect
    .poll(async () => {
      const page = await invoke(operations, 'humanTasks.list', harness.deps, bob(), { view: 'all' });
      found = page.items.find((task) => task.context.tool_use_id === toolUseId) as HumanTask | undefined;
      return found !== undefined;
    }, { timeout: 10_000 })
    .toBe(true);
  return found!;
}

/** The JSON text Claude Code reads from the tool's result. */
function decisionText(result: Awaited<ReturnType<Client['callTool']>>): unknown {
  expect(result.isError).not.toBe(true);
  return JSON.parse((result.content as [{ type: 'text'; text: string }])[0].text);
}

describe('approval_prompt (Claude Code permission prompts as human tasks)', () => {
  it('issue 12: the tool waits for a person; allow with an edited input returns that input in the shape Claude Code expects', async () => {
    const client = await connect();
    const call = client.callTool({ name: 'approval_prompt', arguments: { tool_name: 'Bash', input: { command: 'rm -rf build' }, tool_use_id: 'toolu_allow' } });
    const task = await openApproval('toolu_allow');
    expect(task).toMatchObject({ title: 'Approve Bash', status: 'open', context: { kind: 'approval', tool_name: 'Bash', input: { command: 'rm -rf build' }, asked_by: 'ann' } });
    expect(Object.keys(task.form)).toEqual(['decision', 'input', 'message']);
    await invoke(operations, 'humanTasks.answer', harness.deps, bob(), { id: task.id, answer: { decision: 'allow', input: '{"command":"rm -rf build/tmp"}' } });
    expect(decisionText(await call)).toEqual({ behavior: 'allow', updatedInput: { command: 'rm -rf build/tmp' } });
  });

  it('issue 12: allow without an edit returns the input as asked; deny returns the message', async () => {
    const client = await connect();
    const allowed = client.callTool({ name: 'approval_prompt', arguments: { tool_name: 'Write', input: { file_path: '/x/a.txt', content: 'a' }, tool_use_id: 'toolu_plain' } });
    const denied = client.callTool({ name: 'approval_prompt', arguments: { tool_name: 'Bash', input: { command: 'curl evil' }, tool_use_id: 'toolu_deny' } });
    const [first, second] = await Promise.all([openApproval('toolu_plain'), openApproval('toolu_deny')]);
    await invoke(operations, 'humanTasks.answer', harness.deps, bob(), { id: second.id, answer: { decision: 'deny', message: 'No network from tasks.' } });
    expect(decisionText(await denied)).toEqual({ behavior: 'deny', message: 'No network from tasks.' });
    await invoke(operations, 'humanTasks.answer', harness.deps, bob(), { id: first.id, answer: { decision: 'allow' } });
    expect(decisionText(await allowed)).toEqual({ behavior: 'allow', updatedInput: { file_path: '/x/a.txt', content: 'a' } });
  });

  it('issue 12: an edited input that is not a JSON object denies (nothing unapproved runs)', async () => {
    const client = await connect();
    const call = client.callTool({ name: 'approval_prompt', arguments: { tool_name: 'Bash', input: { command: 'make' }, tool_use_id: 'toolu_bad_edit' } });
    const task = await openApproval('toolu_bad_edit');
    await invoke(operations, 'humanTasks.answer', harness.deps, bob(), { id: task.id, answer: { decision: 'allow', input: '[1,2' } });
    expect(decisionText(await call)).toMatchObject({ behavior: 'deny', message: expect.stringContaining('not a JSON object') });
  });

  it('issue 12: nobody answers before the deadline: denied, and the human task is cancelled', async () => {
    const client = await connect();
    const started = Date.now();
    const result = await client.callTool({ name: 'approval_prompt', arguments: { tool_name: 'Bash', input: { command: 'sleep 1' }, tool_use_id: 'toolu_late', timeout_seconds: 1 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(decisionText(result)).toMatchObject({ behavior: 'deny', message: expect.stringContaining('in time') });
    const page = await invoke(operations, 'humanTasks.list', harness.deps, bob(), { view: 'all', status: ['cancelled'] });
    expect(page.items.find((task) => task.context.tool_use_id === 'toolu_late')).toMatchObject({ status: 'cancelled' });
  });

  it('issue 12: a bad call names the field', async () => {
    const client = await connect();
    const result = await client.callTool({ name: 'approval_prompt', arguments: { input: 'not an object' } });
    expect(result.isError).toBe(true);
    const text = (result.content as [{ text: string }])[0].text;
    expect(text).toMatch(/^E_USAGE/);
    expect(text).toContain('tool_name');
    expect(text).toContain('input');
  });
});
