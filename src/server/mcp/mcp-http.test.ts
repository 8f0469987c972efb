import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOperations } from './testing/sample-operations.js';
import { serveMcpApp, type TestMcpApp } from './testing/serve-mcp-app.js';
import { errorMetaKey } from './tool-result.js';

let app: TestMcpApp;
let home: string;
const clients: Client[] = [];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'orchestra-mcp-'));
  app = await serveMcpApp({ operations: sampleOperations, tokens: { 'read-token': 'read', 'write-token': 'write' }, home });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await app.close();
  rmSync(home, { recursive: true, force: true });
});

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  clients.push(client);
  return client;
}

function post(headers: Record<string, string>, method = 'POST'): Promise<Response> {
  return fetch(`${app.url}/mcp`, {
    method,
    headers: { authorization: 'Bearer write-token', 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    ...(method === 'POST' && { body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }) }),
  });
}

describe('MCP over Streamable HTTP', () => {
  it('issue 12: lists one tool per operation with an mcp name, with title, schemas and annotations', async () => {
    const client = await connect('write-token');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['complete_task', 'echo', 'get_run', 'list_things', 'remove_thing']);
    const echo = tools.find((tool) => tool.name === 'echo');
    expect(echo).toMatchObject({
      title: 'Echo a text',
      description: 'Returns the text, repeated `times` times.',
      inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
      outputSchema: { type: 'object', required: ['text', 'by'] },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: false },
    });
    expect(tools.find((tool) => tool.name === 'remove_thing')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools.find((tool) => tool.name === 'complete_task')?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true });
    // An array output is no object: the tool has no outputSchema, and its result is text only.
    expect(tools.find((tool) => tool.name === 'list_things')?.outputSchema).toBeUndefined();
  });

  it('issue 12: a tool call returns the output as structuredContent and as JSON text, defaults applied', async () => {
    const client = await connect('write-token');
    const result = await client.callTool({ name: 'echo', arguments: { text: 'ab', times: 2 } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ text: 'abab', by: 'user-write' });
    expect(result.content).toEqual([{ type: 'text', text: JSON.stringify({ text: 'abab', by: 'user-write' }, null, 2) }]);
    const list = await client.callTool({ name: 'list_things', arguments: {} });
    expect(list.structuredContent).toBeUndefined();
    expect(JSON.parse((list.content as [{ text: string }])[0].text)).toEqual(['a', 'b']);
  });

  it('issue 12: bad arguments are a tool error E_USAGE naming each field, not a protocol error', async () => {
    const client = await connect('write-token');
    const result = await client.callTool({ name: 'echo', arguments: { times: 0 } });
    expect(result.isError).toBe(true);
    const text = (result.content as [{ text: string }])[0].text;
    expect(text).toMatch(/^E_USAGE: invalid arguments for echo: text: .*; times: /);
    const details = result._meta?.[errorMetaKey] as { code: string; fields: { field: string }[] };
    expect(details.code).toBe('E_USAGE');
    expect(details.fields.map((field) => field.field)).toEqual(['text', 'times']);
  });

  it("issue 12: an OrchestraError is a tool error with its code, message and hint", async () => {
    const client = await connect('write-token');
    const result = await client.callTool({ name: 'complete_task', arguments: { ref: 'nope' } });
    expect(result.isError).toBe(true);
    expect((result.content as [{ text: string }])[0].text).toBe('E_TASK_NOT_FOUND: no task "nope"\nList the tasks with list_things.');
    expect(result._meta?.[errorMetaKey]).toEqual({ code: 'E_TASK_NOT_FOUND', message: 'no task "nope"', hint: 'List the tasks with list_things.' });
    // The tool has an outputSchema: the SDK's client would check an error's structuredContent against it.
    expect(result.structuredContent).toBeUndefined();
    const list = await client.callTool({ name: 'list_things', arguments: { extra: 1 } });
    expect(list.isError).toBeFalsy();
  });

  it('issue 12: a tool without an outputSchema carries its error in structuredContent too', async () => {
    const client = await connect('read-token');
    const result = await client.callTool({ name: 'remove_thing', arguments: { id: 'x' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ code: 'E_USAGE', message: 'unknown tool "remove_thing".' });
  });

  it('issue 12: a read-only token sees only the read-only tools, and cannot call a write tool', async () => {
    const client = await connect('read-token');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['echo', 'get_run', 'list_things']);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    const result = await client.callTool({ name: 'complete_task', arguments: { ref: 't1' } });
    expect(result.isError).toBe(true);
    expect((result.content as [{ text: string }])[0].text).toMatch(/^E_USAGE: unknown tool "complete_task"/);
  });

  it('issue 12: resources: a run by URI, a missing run as a not-found error with its code; absent operations offer none', async () => {
    const client = await connect('read-token');
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(['orchestra://runs/{id}']);
    const read = await client.readResource({ uri: 'orchestra://runs/r1' });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toEqual({ id: 'r1', status: 'running', nodes: ['start', 'work'] });
    await expect(client.readResource({ uri: 'orchestra://runs/r2' })).rejects.toMatchObject({ code: -32002, message: expect.stringContaining('E_RUN_NOT_FOUND: no run "r2"') });
  });

  it('issue 12: a foreign Origin is refused with 403 on POST, GET and DELETE; the own loopback origin passes', async () => {
    for (const method of ['POST', 'GET', 'DELETE']) {
      expect((await post({ origin: 'https://evil.example' }, method)).status).toBe(403);
    }
    const host = new URL(app.url).host;
    // A rebound name has a matching Host but is not a loopback name.
    expect((await post({ origin: 'http://evil.example', host: 'evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ origin: `http://${host}` })).status).toBe(200);
  });

  it('issue 12: stateless: GET and DELETE answer 405, a POST without initialize is served', async () => {
    const get = await post({}, 'GET');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post({}, 'DELETE')).status).toBe(405);
    const listed = (await (await post({})).json()) as { result: { tools: unknown[] } };
    expect(listed.result.tools).toHaveLength(5);
  });

  it('issue 12: no token is refused by the auth middleware before MCP runs', async () => {
    const response = await post({ authorization: '' });
    expect(response.status).toBe(401);
  });
});
