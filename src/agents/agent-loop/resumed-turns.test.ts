import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { recordingClock } from '../llm/testing/fake-clock.js';
import { simNode, simRequest } from '../simulation/sim-test-node.js';
import { createAgentBackend, type AgentTurnEvent } from './agent-backend.js';
import { messagesOfTurns, readTurnRecords } from './resumed-turns.js';
import { turnFileName, type TurnRecord } from './turn-log.js';

const record = (turn: number, text: string, calls: Array<{ id: string; name: string; output: string; is_error?: boolean }>): TurnRecord => ({
  turn,
  provider: 'anthropic',
  model: 'm',
  request: { messages: 1, last_message: '' },
  text,
  finish_reason: calls.length > 0 ? 'tool-calls' : 'stop',
  tool_calls: calls.map((call) => ({ id: call.id, name: call.name, input: { path: 'a.txt' }, output: call.output, is_error: call.is_error ?? false, duration_ms: 1 })),
  usage: { input_tokens: 1, output_tokens: 1, cost_usd: 0 },
});

describe('issue 14: messagesOfTurns, the conversation `resume --turn T` goes on from', () => {
  it.each([
    { name: 'no turns', records: [], roles: [] },
    { name: 'a turn with calls: its answer, then the results', records: [record(1, 'Reading.', [{ id: 'c1', name: 'read_file', output: 'one' }])], roles: ['assistant', 'tool'] },
    { name: 'a turn without text or calls still speaks', records: [record(1, '', [])], roles: ['assistant'] },
    { name: 'two turns in order', records: [record(1, 'a', [{ id: 'c1', name: 'shell', output: 'x', is_error: true }]), record(2, 'b', [{ id: 'c2', name: 'write_file', output: 'ok' }])], roles: ['assistant', 'tool', 'assistant', 'tool'] },
  ])('$name', ({ records, roles }) => {
    expect(messagesOfTurns(records).map((message) => message.role)).toEqual(roles);
  });

  it('keeps each call\'s id, name, input and (error) output', () => {
    const [answer, results] = messagesOfTurns([record(1, 'Run it.', [{ id: 'c9', name: 'shell', output: 'boom', is_error: true }])]);
    expect(answer).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Run it.' }, { type: 'tool-call', toolCallId: 'c9', toolName: 'shell', input: { path: 'a.txt' } }] });
    expect(results).toEqual({ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c9', toolName: 'shell', output: { type: 'error-text', value: 'boom' } }] });
  });
});

let server: FakeModelServer;
let stageDir: string;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  stageDir = await mkdtemp(join(tmpdir(), 'orchestra-resumed-'));
  await mkdir(join(stageDir, 'work'));
  server.requests.length = 0;
});
afterEach(() => rm(stageDir, { recursive: true, force: true }));

const writeTurns = (...records: TurnRecord[]) => Promise.all(records.map((r) => writeFile(join(stageDir, turnFileName(r.turn)), JSON.stringify(r))));

describe('issue 14: readTurnRecords', () => {
  it('reads turns 1..T; a node without a turn log gives undefined', async () => {
    expect(await readTurnRecords(stageDir, 2)).toBeUndefined();
    await writeTurns(record(1, 'a', []), record(2, 'b', []), record(3, 'c', []));
    expect((await readTurnRecords(stageDir, 2))?.map((r) => r.text)).toEqual(['a', 'b']);
  });

  it('a log that ends before T, or a record that is not one, is an error naming the file', async () => {
    await writeTurns(record(1, 'a', []));
    await expect(readTurnRecords(stageDir, 2)).rejects.toThrow(`${join(stageDir, 'turn-002.json')} is missing`);
    await writeFile(join(stageDir, 'turn-002.json'), '{"turn": 7}');
    await expect(readTurnRecords(stageDir, 2)).rejects.toThrow(`${join(stageDir, 'turn-002.json')} is not the record of turn 2`);
    await writeFile(join(stageDir, 'turn-002.json'), '{');
    await expect(readTurnRecords(stageDir, 2)).rejects.toThrow('is not valid JSON');
  });
});

describe('issue 14: the agent loop with resumed turns', () => {
  it('sends turns 1..T to the model with the prompt and goes on at turn T+1', async () => {
    server.script([{ text: 'Done after the resume.' }]);
    const events: AgentTurnEvent[] = [];
    const backend = createAgentBackend({
      resolveModel: () => ({ provider: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: server.anthropicBaseUrl }),
      env: { ANTHROPIC_API_KEY: 'sk-test', PATH: process.env.PATH },
      clock: recordingClock(),
      random: () => 0.5,
      onTurn: (event) => void events.push(event),
    });
    const resumedTurns = [record(1, 'Reading the file.', [{ id: 'toolu_1', name: 'read_file', output: 'first contents' }]), record(2, 'Now writing.', [{ id: 'toolu_2', name: 'write_file', output: 'wrote a.txt' }])];
    await backend.run(simRequest(simNode('build', {}), { stageDir, workDir: join(stageDir, 'work'), prompt: 'Build it', resumedTurns }));

    const sent = JSON.stringify((server.requests[0]!.body as { messages: unknown[] }).messages);
    for (const text of ['Build it', 'Reading the file.', 'first contents', 'Now writing.', 'wrote a.txt', 'toolu_2']) expect(sent).toContain(text);
    expect((server.requests[0]!.body as { messages: unknown[] }).messages).toHaveLength(5);
    expect(events.map((event) => event.turn)).toEqual([3]);
    expect((await readdir(stageDir)).filter((name) => name.startsWith('turn-'))).toEqual(['turn-003.json']);
  });
});
