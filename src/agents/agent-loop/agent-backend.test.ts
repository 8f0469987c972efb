import { mkdir, mkdtemp, readFile, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer, type Turn } from '../../../test/support/fake-model-server/index.js';
import type { AttrValue } from '../../pipeline/graph/model.js';
import type { ProcessRecorder } from '../../sessions/held-spawn.js';
import type { ModelTarget } from '../llm/index.js';
import { recordingClock } from '../llm/testing/fake-clock.js';
import { simNode, simRequest, str } from '../simulation/sim-test-node.js';
import { createAgentBackend, type AgentTurnEvent } from './agent-backend.js';
import type { TurnRecord } from './turn-log.js';
import type { AgentRequest } from '../backend.js';

let server: FakeModelServer;
let root: string;
let workDir: string;
let stageDir: string;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'orchestra-agent-'));
  workDir = join(root, 'work');
  stageDir = join(root, 'stage');
  await mkdir(workDir);
  await mkdir(stageDir);
  server.requests.length = 0;
});
afterEach(async () => {
  // Every scripted turn was used: a leftover would answer the next test.
  expect(server.remaining).toBe(0);
  await rm(root, { recursive: true, force: true });
});

function run(turns: Turn[], attrs: Record<string, AttrValue> = {}, target?: ModelTarget, signal?: AbortSignal, processes?: ProcessRecorder, commitTurn?: AgentRequest['commitTurn']) {
  server.script(turns);
  const events: AgentTurnEvent[] = [];
  const backend = createAgentBackend({
    resolveModel: () => target ?? { provider: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: server.anthropicBaseUrl },
    env: { ANTHROPIC_API_KEY: 'sk-test', PATH: process.env.PATH },
    clock: recordingClock(),
    random: () => 0.5,
    onTurn: (event) => void events.push(event),
  });
  const result = backend.run(simRequest(simNode('build', attrs), { stageDir, workDir, prompt: 'Build it', ...(signal ? { signal } : {}), ...(processes ? { processes } : {}), ...(commitTurn ? { commitTurn } : {}) }));
  return { result, events };
}

/** Resolves once `path` holds a complete line; watches its directory instead of polling. */
function waitForFile(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const complete = () => readFile(path, 'utf8').then((text) => text.endsWith('\n'), () => false);
    const watcher = watch(dirname(path), () => void complete().then((done) => done && finish()));
    const timer = setTimeout(() => finish(new Error(`${path} did not appear within 10 s`)), 10_000);
    const finish = (error?: Error) => {
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    void complete().then((done) => done && finish());
  });
}

const call = (name: string, input: Record<string, unknown>) => ({ toolCalls: [{ name, input }] });

async function turnRecord(turn: number): Promise<TurnRecord> {
  return JSON.parse(await readFile(join(stageDir, `turn-${String(turn).padStart(3, '0')}.json`), 'utf8'));
}

/** The tool_result blocks the model received in request `index`. */
function toolResults(index: number): { content: unknown; is_error?: boolean }[] {
  const body = server.requests[index]!.body as { messages: { content: unknown }[] };
  const last = body.messages[body.messages.length - 1]!.content as { type: string; content: unknown; is_error?: boolean }[];
  return last.filter((block) => block.type === 'tool_result');
}

const resultText = (block: { content: unknown }) => (typeof block.content === 'string' ? block.content : JSON.stringify(block.content));

describe('createAgentBackend', () => {
  it('writes a file through write_file, then answers; turns are logged and reported', async () => {
    const { result, events } = run([call('write_file', { path: 'notes/hello.txt', content: 'hi there' }), { text: 'Wrote it.\n{"outcome": "success", "preferred_label": "Done"}' }]);
    await expect(result).resolves.toMatchObject({ outcome: { status: 'success', preferredLabel: 'Done' }, response: 'Wrote it.' });
    expect(await readFile(join(workDir, 'notes/hello.txt'), 'utf8')).toBe('hi there');
    expect(resultText(toolResults(1)[0]!)).toContain('Wrote 8 bytes to notes/hello.txt.');
    const first = await turnRecord(1);
    expect(first).toMatchObject({ turn: 1, model: 'claude-sonnet-4-5', finish_reason: 'tool-calls', tool_calls: [{ name: 'write_file', input: { path: 'notes/hello.txt', content: 'hi there' }, output: 'Wrote 8 bytes to notes/hello.txt.', is_error: false }] });
    expect((await turnRecord(2)).tool_calls).toEqual([]);
    expect(events.map((event) => [event.turn, event.toolCalls.map((c) => c.name)])).toEqual([[1, ['write_file']], [2, []]]);
    const usage = JSON.parse(await readFile(join(stageDir, 'usage.json'), 'utf8'));
    expect(usage).toMatchObject({ calls: 2, input_tokens: events[0]!.inputTokens + events[1]!.inputTokens });
    const body = server.requests[0]!.body as { tools: { name: string }[] };
    expect(body.tools.map((tool) => tool.name)).toEqual(['read_file', 'write_file', 'edit_file', 'list', 'grep', 'shell']);
  });

  it('issue 14: commits each turn\'s written files after the turn and reports the heads with it', async () => {
    const commits: Array<[number, readonly string[] | undefined, string]> = [];
    const commitTurn = async (turn: number, files?: readonly string[]) => {
      // The file is on disk when its turn is committed.
      commits.push([turn, files, files?.[0] ? await readFile(files[0], 'utf8') : '']);
      return { app: `sha-${turn}` };
    };
    const turns = [call('write_file', { path: 'a.txt', content: 'one' }), call('shell', { command: 'true' }), { text: 'done' }];
    const { result, events } = run(turns, {}, undefined, undefined, undefined, commitTurn);
    await expect(result).resolves.toMatchObject({ outcome: { status: 'success' } });
    const real = join(await realpath(workDir), 'a.txt');
    expect(commits).toEqual([[1, [real], 'one'], [2, undefined, ''], [3, [], '']]);
    expect(events.map((event) => event.commits)).toEqual([{ app: 'sha-1' }, { app: 'sha-2' }, { app: 'sha-3' }]);
  });

  it.each<[string, () => ModelTarget, string]>([
    ['OpenAI chat (openai-compatible)', () => ({ provider: 'local', type: 'openai-compatible', model: 'qwen3', baseUrl: server.openaiBaseUrl }), '/v1/chat/completions'],
    ['OpenAI responses', () => ({ provider: 'openai', model: 'gpt-5', baseUrl: server.openaiBaseUrl, apiKeyEnv: ['ANTHROPIC_API_KEY'] }), '/v1/responses'],
  ])('runs the same loop over %s', async (_name, target, path) => {
    const { result } = run([call('write_file', { path: 'out.txt', content: 'via openai' }), { text: 'done' }], {}, target());
    await expect(result).resolves.toMatchObject({ outcome: { status: 'success' }, response: 'done' });
    expect(await readFile(join(workDir, 'out.txt'), 'utf8')).toBe('via openai');
    expect(server.requests.map((request) => request.path)).toEqual([path, path]);
    expect(JSON.stringify(server.requests[1]!.body)).toContain('Wrote 10 bytes to out.txt.');
  });

  it('edit_file replaces one exact occurrence, and reports missing and ambiguous text as errors', async () => {
    await writeFile(join(workDir, 'a.txt'), 'one two two three');
    const { result } = run([
      call('edit_file', { path: 'a.txt', old_string: 'four', new_string: '4' }),
      call('edit_file', { path: 'a.txt', old_string: 'two', new_string: '2' }),
      call('edit_file', { path: 'a.txt', old_string: 'one', new_string: '1' }),
      call('edit_file', { path: 'missing.txt', old_string: 'x', new_string: 'y' }),
      { text: 'done' },
    ]);
    await expect(result).resolves.toMatchObject({ outcome: { status: 'success' } });
    expect(await readFile(join(workDir, 'a.txt'), 'utf8')).toBe('1 two two three');
    const outputs = await Promise.all([1, 2, 3, 4].map(async (turn) => (await turnRecord(turn)).tool_calls[0]!));
    expect(outputs.map((o) => [o.is_error, o.output])).toEqual([
      [true, 'Error: old_string was not found in "a.txt". Quote the text exactly as it is in the file, whitespace included; read_file shows it.'],
      [true, 'Error: old_string appears 2 times in "a.txt". Include more of the surrounding text so that it appears exactly once.'],
      [false, 'Edited a.txt.'],
      [true, 'Error: file "missing.txt" does not exist. Use list to see which files there are.'],
    ]);
    expect(toolResults(1)[0]!.is_error).toBe(true);
  });

  it('rejects paths outside the working directory, also through a symlink', async () => {
    await writeFile(join(root, 'secret.txt'), 'secret');
    await symlink(root, join(workDir, 'escape'));
    const { result } = run([
      call('read_file', { path: '../secret.txt' }),
      call('write_file', { path: join(root, 'new.txt'), content: 'x' }),
      call('read_file', { path: 'escape/secret.txt' }),
      { text: 'gave up' },
    ]);
    await result;
    const realWork = await import('node:fs/promises').then((fs) => fs.realpath(workDir));
    const outputs = await Promise.all([1, 2, 3].map(async (turn) => (await turnRecord(turn)).tool_calls[0]!.output));
    const hint = 'Use a path relative to the working directory, without ".." steps or links that leave it.';
    expect(outputs).toEqual([
      `Error: path "../secret.txt" is outside the working directory ${realWork}. ${hint}`,
      `Error: path "${join(root, 'new.txt')}" is outside the working directory ${realWork}. ${hint}`,
      `Error: path "escape/secret.txt" is outside the working directory ${realWork}. ${hint}`,
    ]);
    expect(await readdir(root)).not.toContain('new.txt');
  });

  it('kills a shell command at its timeout and says so', async () => {
    const { result } = run([call('shell', { command: 'echo started; sleep 30', timeout_ms: 300 }), { text: 'ok' }]);
    await result;
    const output = (await turnRecord(1)).tool_calls[0]!.output;
    expect(output).toBe('started\n[timed out after 300ms and was killed]');
  });

  it('truncates long shell output for the model and keeps it whole in the turn log', async () => {
    const { result } = run([call('shell', { command: 'head -c 40000 /dev/zero | tr "\\\\0" a; echo; echo END' }), { text: 'ok' }]);
    await result;
    const output = (await turnRecord(1)).tool_calls[0]!.output;
    expect(output).toBe(`${'a'.repeat(40_000)}\nEND\n[exit code 0]`);
    const seen = resultText(toolResults(1)[0]!);
    expect(seen).toContain('characters omitted; the full output is in the turn log');
    expect(seen).toContain('END');
    expect(seen.length).toBeLessThan(17_000);
  });

  it('runs shell commands in the working directory without secret variables', async () => {
    const { result } = run([call('shell', { command: 'pwd; echo "key=${ANTHROPIC_API_KEY:-none}"' }), { text: 'ok' }]);
    await result;
    const realWork = await import('node:fs/promises').then((fs) => fs.realpath(workDir));
    expect((await turnRecord(1)).tool_calls[0]!.output).toBe(`${realWork}\nkey=none\n[exit code 0]`);
  });

  it('kills a running shell command and rejects when the node is cancelled', async () => {
    const controller = new AbortController();
    const pidFile = join(root, 'pid');
    const turn: Turn = () => {
      // Cancel once the command has started: the hook-free shell writes its pid first.
      void waitForFile(pidFile).then(() => controller.abort(new Error('node timed out')));
      return call('shell', { command: `echo $$ > ${pidFile}; sleep 30` });
    };
    const { result } = run([turn], {}, undefined, controller.signal);
    await expect(result).rejects.toThrow('node timed out');
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('stops at max_turns with FAIL', async () => {
    const { result } = run([call('list', {}), call('list', {})], { max_turns: str('2') });
    await expect(result).resolves.toMatchObject({
      outcome: { status: 'fail', failureReason: 'the agent used all 2 turns (max_turns) without giving a final answer' },
    });
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(await readFile(join(stageDir, 'usage.json'), 'utf8'))).toMatchObject({ calls: 2 });
  });

  it('decision 21: a pre hook that exits non-zero skips the call; the post hook gets the call and result', async () => {
    const log = join(root, 'post.log');
    const attrs = {
      'tool_hooks.pre': str('test "$TOOL_NAME" != shell || { echo "no shell for $NODE_ID"; exit 3; }'),
      'tool_hooks.post': str(`cat >> ${log}; echo >> ${log}`),
    };
    const { result } = run([call('shell', { command: 'touch ran.txt' }), call('write_file', { path: 'b.txt', content: 'B' }), { text: 'ok' }], attrs);
    await result;
    const blocked = (await turnRecord(1)).tool_calls[0]!;
    expect(blocked).toMatchObject({ skipped_by_hook: true, is_error: true, output: 'The call was blocked by the pre-tool hook (exit 3): no shell for build' });
    expect(await readdir(workDir)).toEqual(['b.txt']);
    const posted = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(posted).toEqual([{ tool_name: 'write_file', tool_call_id: expect.any(String), input: { path: 'b.txt', content: 'B' }, output: 'Wrote 1 bytes to b.txt.', is_error: false }]);
  });

  it('issue 8.11: the shell tool and the tool hooks start their commands only once the request\'s recorder stored each group, and clear it after', async () => {
    const log: string[] = [];
    const processes: ProcessRecorder = {
      async record(pid) {
        log.push(`record ${pid}`);
        return async () => void log.push(`clear ${pid}`);
      },
    };
    const echoPid = (what: string) => `echo ${what} $$ >> ${join(root, 'pids')}`;
    const attrs = { 'tool_hooks.pre': str(echoPid('pre')), 'tool_hooks.post': str(echoPid('post')) };
    const { result } = run([call('shell', { command: echoPid('shell') }), { text: 'ok' }], attrs, undefined, undefined, processes);
    await result;
    const started = (await readFile(join(root, 'pids'), 'utf8')).trim().split('\n').map((line) => line.split(' '));
    expect(started.map(([what]) => what)).toEqual(['pre', 'shell', 'post']);
    expect(log).toEqual(started.flatMap(([, pid]) => [`record ${pid}`, `clear ${pid}`]));
  });

  it('answers bad tool input and unknown tools with errors the model can read', async () => {
    const { result } = run([call('write_file', { path: 'x.txt' }), call('teleport', {}), { text: 'ok' }]);
    await result;
    expect((await turnRecord(1)).tool_calls[0]!.output).toBe('Invalid input for write_file: content: Invalid input: expected string, received undefined');
    expect((await turnRecord(2)).tool_calls[0]!.output).toBe('Unknown tool "teleport". Available: read_file, write_file, edit_file, list, grep, shell.');
  });

  it('lists with a glob and greps file contents', async () => {
    await mkdir(join(workDir, 'src/deep'), { recursive: true });
    await writeFile(join(workDir, 'src/a.ts'), 'export const a = 1;\n// TODO fix\n');
    await writeFile(join(workDir, 'src/deep/b.ts'), 'const todo = 2;\n');
    await writeFile(join(workDir, 'README.md'), 'TODO: docs\n');
    const { result } = run([call('list', { pattern: '**/*.ts' }), call('grep', { pattern: 'todo', ignore_case: true, glob: '*.ts' }), { text: 'ok' }]);
    await result;
    expect((await turnRecord(1)).tool_calls[0]!.output).toBe('src/a.ts\nsrc/deep/b.ts');
    expect((await turnRecord(2)).tool_calls[0]!.output).toBe('src/a.ts:2: // TODO fix\nsrc/deep/b.ts:1: const todo = 2;');
  });
});
