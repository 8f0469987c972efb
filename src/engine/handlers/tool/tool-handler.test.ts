import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, realpath, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createToolHandler } from './tool-handler.js';

afterEach(cleanupHarnesses);

async function toolHarness(command: string, nodeAttrs: PlainAttrs = {}, graphAttrs: PlainAttrs = {}, variables: Record<string, string> = {}, context: Record<string, unknown> = {}) {
  const graph = buildGraph({ attrs: graphAttrs, nodes: { t: { shape: 'parallelogram', tool_command: command, ...nodeAttrs } } });
  return createHandlerHarness({ graph, nodeId: 't', run: { variables }, context });
}

/** Alive and not a zombie (a container's init may be slow to reap). */
function isAlive(pid: number): boolean {
  try {
    const state = /\)\s+(\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    return state !== undefined && state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, deadlineMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

async function readPid(file: string, deadlineMs = 10_000): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const text = existsSync(file) ? (await readFile(file, 'utf8')).trim() : '';
    if (/^\d+$/.test(text)) return Number(text);
    if (Date.now() > deadline) throw new Error(`no pid in ${file}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('decision 7: tool handler', () => {
  it('issue 9: writes the expanded prompt to prompt.txt (ATTRACTOR_PROMPT_FILE) and the combined output to tool_output.txt', async () => {
    const prompt = 'Review $goal for ${context.who}: $pr';
    const harness = await toolHarness('echo one; echo two >&2; cat "$ATTRACTOR_PROMPT_FILE"', { prompt }, { goal: 'the parser' }, { pr: '$goal' }, { who: '{{ goal }}' });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.status).toBe('success');
    // Values are data: the `$goal` inside a run variable and the Jinja inside a context value stay as written.
    const expanded = 'Review the parser for {{ goal }}: $goal';
    expect(await readFile(join(harness.stageDir, 'prompt.txt'), 'utf8')).toBe(expanded);
    expect(outcome?.contextUpdates?.['tool.output']).toBe(`one\n${expanded}`);
    const combined = await readFile(join(harness.stageDir, 'tool_output.txt'), 'utf8');
    // The two pipes are read independently, so only each stream's own order is fixed.
    expect(combined).toHaveLength(`one\ntwo\n${expanded}`.length);
    expect(combined.replace('two\n', '')).toBe(`one\n${expanded}`);
  });

  it('issue 9: prompt.txt replaces a symlink left in the stage dir instead of writing through it', async () => {
    const harness = await toolHarness('cat "$ATTRACTOR_PROMPT_FILE"', { prompt: 'new text' });
    const outside = join(harness.stageDir, '..', 'outside.txt');
    await writeFile(outside, 'keep me');
    await symlink(outside, join(harness.stageDir, 'prompt.txt'));
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.contextUpdates?.['tool.output']).toBe('new text');
    expect(await readFile(outside, 'utf8')).toBe('keep me');
  });

  it('issue 9: a tool node without a prompt gets an empty prompt.txt, so reading it never fails', async () => {
    const harness = await toolHarness('wc -c < "$ATTRACTOR_PROMPT_FILE"', { label: 'Lint' });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.contextUpdates?.['tool.output']).toBe('0');
  });

  it('runs the command, captures stdout in the context, the stage dir and tool.output events', async () => {
    const harness = await toolHarness('echo hello; echo oops >&2');
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome).toEqual({
      status: 'success',
      notes: 'Tool completed: echo hello; echo oops >&2',
      contextUpdates: { 'tool.output': 'hello', 'tool.stderr': 'oops', 'tool.exit_code': 0 },
    });
    expect(await readFile(join(harness.stageDir, 'stdout.txt'), 'utf8')).toBe('hello\n');
    expect(await readFile(join(harness.stageDir, 'stderr.txt'), 'utf8')).toBe('oops\n');
    expect(harness.eventsOf('tool.output').map((e) => [e.stream, e.text]).sort()).toEqual([
      ['stderr', 'oops\n'],
      ['stdout', 'hello\n'],
    ]);
  });

  it('passes run variables and ORCHESTRA_* as environment variables', async () => {
    const harness = await toolHarness('printf "%s|%s|%s|%s|%s" "$pr_number" "$ORCHESTRA_RUN_ID" "$ORCHESTRA_NODE_ID" "$ORCHESTRA_GOAL" "$ORCHESTRA_STAGE_DIR"', {}, { goal: 'Fix it' }, { pr_number: '123' });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.contextUpdates?.['tool.output']).toBe(`123|run-test|t|Fix it|${harness.stageDir}`);
  });

  it('never lets variable text reach the shell as code', async () => {
    const harness = await toolHarness('echo "$title"', {}, {}, { title: '$(touch pwned) `touch pwned2`; touch pwned3' });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.contextUpdates?.['tool.output']).toBe('$(touch pwned) `touch pwned2`; touch pwned3');
    const base = harness.input.run.baseDir;
    expect(['pwned', 'pwned2', 'pwned3'].filter((f) => existsSync(join(base, f)))).toEqual([]);
  });

  it.each([
    ['the DOT file directory by default', {}, ''],
    ['working_directory relative to the DOT file', { working_directory: 'repo' }, 'repo'],
  ])('runs in %s', async (_name, graphAttrs, sub) => {
    const harness = await toolHarness('pwd -P', {}, graphAttrs);
    await mkdir(join(harness.input.run.baseDir, 'repo'), { recursive: true });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.contextUpdates?.['tool.output']).toBe(await realpath(join(harness.input.run.baseDir, sub)));
  });

  it('fails when the working directory does not exist', async () => {
    const harness = await toolHarness('true', {}, { working_directory: 'missing' });
    await expect(createToolHandler().execute(harness.input)).resolves.toEqual({
      status: 'fail',
      failureReason: `Working directory "${join(harness.input.run.baseDir, 'missing')}" of tool node "t" does not exist`,
    });
  });

  it.each([['no tool_command', undefined], ['a blank tool_command', '  ']])('fails with %s', async (_name, command) => {
    const graph = buildGraph({ nodes: { t: command === undefined ? { shape: 'parallelogram' } : { shape: 'parallelogram', tool_command: command } } });
    const harness = await createHandlerHarness({ graph, nodeId: 't' });
    await expect(createToolHandler().execute(harness.input)).resolves.toEqual({ status: 'fail', failureReason: 'No tool_command specified for node "t"' });
  });

  it('fails with the exit code and stderr tail on a non-zero exit', async () => {
    const harness = await toolHarness('echo partial; echo "tests failed" >&2; exit 3');
    await expect(createToolHandler().execute(harness.input)).resolves.toEqual({
      status: 'fail',
      failureReason: 'Tool command exited with code 3: tests failed',
      contextUpdates: { 'tool.output': 'partial', 'tool.stderr': 'tests failed', 'tool.exit_code': 3 },
    });
  });

  it('fails with "command not found" naming the command on exit 127', async () => {
    const harness = await toolHarness('orchestra-no-such-command --flag');
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.status).toBe('fail');
    expect(outcome?.failureReason).toBe('Command not found: orchestra-no-such-command (exit 127)');
  });

  it('keeps only the first 64 KiB of stdout in the context, all of it in stdout.txt', async () => {
    const harness = await toolHarness("head -c 200000 /dev/zero | tr '\\0' x");
    const outcome = await createToolHandler().execute(harness.input);
    expect((outcome?.contextUpdates?.['tool.output'] as string).length).toBe(64 * 1024);
    expect((await stat(join(harness.stageDir, 'stdout.txt'))).size).toBe(200_000);
    // The context says there is more, and an artifact names the file that has all of it.
    expect(outcome?.contextUpdates).toMatchObject({ 'tool.output_truncated': true, 'tool.output_artifact': `${harness.input.node.id}.stdout` });
    expect(await harness.input.services.artifacts.retrieve(`${harness.input.node.id}.stdout`)).toEqual({ file: join(harness.stageDir, 'stdout.txt'), bytes: 200_000 });
  });

  it('records no artifact when the whole output fits in the context', async () => {
    const harness = await toolHarness('echo short');
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.contextUpdates).not.toHaveProperty('tool.output_artifact');
    expect(harness.input.services.artifacts.list()).toEqual([]);
  });

  it('kills the process group on timeout and fails', async () => {
    const harness = await toolHarness('sleep 300 & echo $! > bg.pid; sleep 300', { timeout: '300ms' });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.status).toBe('fail');
    expect(outcome?.failureReason).toBe("Tool command timed out after 300ms: sleep 300 & echo $! > bg.pid; sleep 300");
    expect(await waitUntilDead(await readPid(join(harness.input.run.baseDir, 'bg.pid')))).toBe(true);
  });

  it('sends SIGKILL when the command ignores SIGTERM', async () => {
    const harness = await toolHarness("trap '' TERM; echo $$ > sh.pid; while :; do sleep 0.05; done", { timeout: '200ms' });
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.failureReason).toMatch(/^Tool command timed out after 200ms/);
    expect(await waitUntilDead(await readPid(join(harness.input.run.baseDir, 'sh.pid')))).toBe(true);
  });

  it('kills the process group and rejects with the abort reason when the signal aborts', async () => {
    const harness = await toolHarness('echo started; echo $$ > sh.pid; sleep 300');
    const pending = createToolHandler().execute(harness.input);
    await harness.waitForEvent('tool.output', (e) => e.text.includes('started'));
    harness.abort(new Error('run interrupted'));
    await expect(pending).rejects.toThrow('run interrupted');
    expect(await waitUntilDead(await readPid(join(harness.input.run.baseDir, 'sh.pid')))).toBe(true);
  });

  it('leaves no background process behind after a normal exit', async () => {
    const harness = await toolHarness('sleep 300 & echo $! > bg.pid; echo done');
    const outcome = await createToolHandler().execute(harness.input);
    expect(outcome?.status).toBe('success');
    expect(await waitUntilDead(await readPid(join(harness.input.run.baseDir, 'bg.pid')))).toBe(true);
  });

  it('rejects a timeout that is not a duration', async () => {
    const harness = await toolHarness('true', { timeout: 'soon' });
    await expect(createToolHandler().execute(harness.input)).rejects.toMatchObject({
      code: 'E_ATTRIBUTE_TYPE',
      message: 'Attribute "timeout" of node "t" (<test>:1:1) must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".',
    });
  });
});
