import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from './fake-model-server.js';
import { responseOutput } from './openai-responses.js';
import { parseSse } from './read-sse.js';
import type { FakeModelServer, ScriptedToolCall } from './types.js';
import { tokensFor, usageFor } from './usage.js';

// What Codex sends and accepts (see /work/shared/notes/agent-clis.md): POST /v1/responses with
// stream: true, tool calls as output items (function_call exec_command, custom_tool_call
// apply_patch), the follow-up request carrying function_call_output, response.completed always last.
const patch = '*** Begin Patch\n*** Add File: hello.txt\n+hello\n*** End Patch\n';
const execCall: ScriptedToolCall = { name: 'exec_command', input: { cmd: "printf hi > hello.txt" } };
const patchCall: ScriptedToolCall = { name: 'apply_patch', input: {}, freeform: patch };

describe('issue 9: Responses output items for Codex tool calls', () => {
  it.each([
    ['a function call', execCall, { type: 'function_call', id: 'fc_3_0', call_id: 'call_3_0', name: 'exec_command', arguments: '{"cmd":"printf hi > hello.txt"}', status: 'completed' }],
    ['a freeform call', patchCall, { type: 'custom_tool_call', id: 'ctc_3_0', call_id: 'call_3_0', name: 'apply_patch', input: patch, status: 'completed' }],
    ['a call with its own id', { ...execCall, id: 'call_x' }, { type: 'function_call', call_id: 'call_x' }],
  ])('%s', (_, call, item) => {
    expect(responseOutput({ toolCalls: [call] }, 3)).toEqual([expect.objectContaining(item)]);
  });

  it('puts the text message before the calls', () => {
    expect(responseOutput({ text: 'working', toolCalls: [execCall, patchCall] }, 1).map((item) => item.type)).toEqual(['message', 'function_call', 'custom_tool_call']);
  });

  it('counts a freeform input as its text for the output tokens', () => {
    expect(usageFor(0, { toolCalls: [patchCall] }).outputTokens).toBe(tokensFor(patch.length));
  });
});

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(async () => {
  await server.close();
});

async function stream(body: Record<string, unknown>): Promise<{ type: string; [key: string]: unknown }[]> {
  const response = await fetch(`${server.openaiBaseUrl}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: JSON.stringify({ ...body, stream: true }) });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  return parseSse(await response.text()).map((event) => event.data as { type: string });
}

describe('issue 9: the Responses stream as Codex reads it', () => {
  it('streams a freeform call with its input deltas, then response.completed', async () => {
    server.script([{ toolCalls: [patchCall] }]);
    const events = await stream({ model: 'gpt-codex', input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'add hello.txt' }] }] });
    expect(events.map((event) => event.type)).toEqual([
      'response.created', 'response.in_progress',
      'response.output_item.added', 'response.custom_tool_call_input.delta', 'response.custom_tool_call_input.delta', 'response.custom_tool_call_input.done', 'response.output_item.done',
      'response.completed',
    ]);
    expect(events.filter((event) => event.type.startsWith('response.custom_tool_call_input.delta')).map((event) => event['delta']).join('')).toBe(patch);
    expect(events[6]).toMatchObject({ item: { type: 'custom_tool_call', name: 'apply_patch', input: patch } });
  });

  it('answers the follow-up carrying function_call_output, ending with response.completed', async () => {
    server.script([{ toolCalls: [execCall] }, { text: 'Wrote hello.txt.' }]);
    const first = await stream({ model: 'gpt-codex', input: [] });
    const call = first.find((event) => event.type === 'response.output_item.done')?.['item'] as { call_id: string };
    const second = await stream({ model: 'gpt-codex', input: [{ type: 'function_call', name: 'exec_command', arguments: '{}', call_id: call.call_id }, { type: 'function_call_output', call_id: call.call_id, output: 'exit 0' }] });
    expect(second.at(-1)).toMatchObject({ type: 'response.completed', response: { status: 'completed', output: [{ type: 'message', content: [{ text: 'Wrote hello.txt.' }] }] } });
    expect(JSON.stringify(server.requests.at(-1)?.body)).toContain('function_call_output');
  });
});
