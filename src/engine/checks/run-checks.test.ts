import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentBackend, AgentRequest } from '../../agents/backend.js';
import { cleanupHarnesses, createHandlerHarness } from '../handlers/testing/index.js';
import { buildGraph, type PlainAttrs } from '../testing/build-graph.js';
import { resolveChecks } from './check-spec.js';
import { runChecks } from './run-checks.js';

afterEach(cleanupHarnesses);

function critic(answer: string, seen: AgentRequest[] = []): AgentBackend {
  return { name: 'critic', run: async (request) => (seen.push(request), answer) };
}

async function check(attrs: PlainAttrs, backend?: AgentBackend) {
  const graph = buildGraph({ nodes: { impl: { prompt: 'Build it', ...attrs } } });
  const harness = await createHandlerHarness({ graph, nodeId: 'impl', ...(backend ? { backend } : {}), attempt: 2 });
  const run = () => runChecks({ handler: harness.input, checks: resolveChecks(harness.input.node), task: 'Build it', response: 'Built it.' });
  return { harness, run, cwd: harness.input.run.baseDir };
}

describe('runChecks', () => {
  it('runs every kind in the node working directory and reports them all passed', async () => {
    const tests = `printf '      Tests  4 passed (4)\\n'`;
    const { harness, run, cwd } = await check({ 'check.file_exists': 'dist/*.js', 'check.command': 'test "$ORCHESTRA_NODE_ID" = impl', 'check.tests': tests, 'check.critic': 'Empty input?' }, critic('PASS\nHandles it.'));
    await mkdir(join(cwd, 'dist'));
    await writeFile(join(cwd, 'dist', 'index.js'), '');
    const report = await run();
    expect(report.passed).toBe(true);
    expect(report.results.map(({ name, passed, summary }) => ({ name, passed, summary }))).toEqual([
      { name: 'file_exists: dist/*.js', passed: true, summary: 'found dist/index.js' },
      { name: 'command: test "$ORCHESTRA_NODE_ID" = impl', passed: true, summary: 'exit 0' },
      { name: `tests: ${tests}`, passed: true, summary: '0 failed, 4 passed (vitest); exit 0' },
      { name: 'critic: Empty input?', passed: true, summary: 'PASS: Handles it.' },
    ]);
    expect(JSON.parse(await readFile(join(harness.stageDir, 'checks.json'), 'utf8'))).toMatchObject({ attempt: 2, passed: true, results: { length: 4 } });
    expect(harness.eventsOf('log').map((event) => event.message)).toEqual([
      'Check passed: file_exists: dist/*.js (found dist/index.js)',
      'Check passed: command: test "$ORCHESTRA_NODE_ID" = impl (exit 0)',
      `Check passed: tests: ${tests} (0 failed, 4 passed (vitest); exit 0)`,
      'Check passed: critic: Empty input? (PASS: Handles it.)',
    ]);
  });

  it('reports each failure with its output, and skips the critic once a cheaper check failed', async () => {
    const seen: AgentRequest[] = [];
    const tests = `printf 'Tests:       1 failed, 2 passed, 3 total\\n'`;
    const { harness, run } = await check({ 'check.file_exists': 'out/*.txt', 'check.command': 'echo lint: 2 problems >&2; exit 3', 'check.tests': tests, 'check.critic': 'Q?' }, critic('PASS', seen));
    const report = await run();
    expect(report.passed).toBe(false);
    expect(report.results.map(({ name, passed, skipped, summary, output, exitCode }) => ({ name, passed, skipped, summary, output, exitCode }))).toEqual([
      { name: 'file_exists: out/*.txt', passed: false, skipped: undefined, summary: 'no file matches out/*.txt', output: `No file or directory matches "out/*.txt" in ${harness.input.run.baseDir}.`, exitCode: undefined },
      { name: 'command: echo lint: 2 problems >&2; exit 3', passed: false, skipped: undefined, summary: 'exit 3', output: 'lint: 2 problems', exitCode: 3 },
      { name: `tests: ${tests}`, passed: false, skipped: undefined, summary: '1 failed, 2 passed (jest); exit 0', output: 'Tests:       1 failed, 2 passed, 3 total', exitCode: 0 },
      { name: 'critic: Q?', passed: false, skipped: true, summary: 'skipped: an earlier check failed', output: undefined, exitCode: undefined },
    ]);
    expect(seen).toEqual([]);
    expect(await readFile(join(harness.stageDir, 'checks', '2-command.log'), 'utf8')).toBe('lint: 2 problems\n');
    expect(harness.eventsOf('log').map((event) => event.level)).toEqual(['warn', 'warn', 'warn', 'info']);
  });

  it.each([
    ['a command that is not installed', { 'check.command': 'no-such-command-xyz' }, 'command not found (exit 127)'],
    ['a command that runs too long', { 'check.command': 'sleep 30', 'check.timeout': '200ms' }, 'timed out after 200ms'],
    ['a test command without a summary', { 'check.tests': 'exit 2' }, 'exit 2; no test counts found in the output'],
  ])('fails %s', async (_name, attrs, summary) => {
    const { run } = await check(attrs);
    const report = await run();
    expect(report.results[0]).toMatchObject({ passed: false, summary });
  });

  it('asks the backend as a critic with its tier, in its own stage dir, and fails on FAIL with the reasons', async () => {
    const seen: AgentRequest[] = [];
    const { harness, run } = await check({ 'check.critic': 'Does it handle empty input?', 'check.critic_model': 'cheap' }, critic('FAIL\nIt throws on "".', seen));
    const report = await run();
    expect(report.results[0]).toMatchObject({ passed: false, summary: 'FAIL: It throws on "".', output: 'It throws on "".' });
    const request = seen[0]!;
    expect({ purpose: request.purpose, model: request.node.attrs.llm_model?.value, stageDir: request.stageDir, fidelity: request.fidelity, threadId: request.threadId }).toEqual({
      purpose: 'critic',
      model: { kind: 'string', value: 'cheap' },
      stageDir: join(harness.stageDir, 'checks', '1-critic'),
      fidelity: 'truncate',
      threadId: undefined,
    });
    expect(request.prompt).toContain('Question: Does it handle empty input?');
    expect(request.prompt).toContain('Built it.');
    expect(request.prompt).toContain('PASS or FAIL alone on the first line');
  });

  it('fails the critic check with the backend error', async () => {
    const backend: AgentBackend = { name: 'down', run: async () => Promise.reject(new Error('503 overloaded')) };
    const { run } = await check({ 'check.critic': 'Q?' }, backend);
    expect((await run()).results[0]).toMatchObject({ passed: false, summary: 'the critic could not answer: 503 overloaded' });
  });

  it('stops a running check when the node is cancelled', async () => {
    const { harness, run } = await check({ 'check.command': 'sleep 30' });
    const pending = run();
    harness.abort(new Error('node timed out'));
    await expect(pending).rejects.toThrow('node timed out');
  });
});
