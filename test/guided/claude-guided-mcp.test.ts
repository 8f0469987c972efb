import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { daemonPaths } from '../../src/server/daemon/index.js';
import { Endpoint, startFakeModelServer, type FakeModelServer, type RecordedRequest, type StaticTurn } from '../support/fake-model-server/index.js';
import { decides, guidedProject, modelEnv, show, workflowName } from '../support/guided-mcp.js';
import { connectStdio } from '../support/mcp-clients.js';
import { claudeBin as claude, claudeWithOrchestra, runClaude as run } from '../support/claude-with-orchestra.js';
import type { TaskProject } from '../support/task-project.js';

// The real Claude Code CLI given Orchestra's MCP server (--mcp-config: `orchestra mcp`, relaying to
// the project's daemon), pointed at the fake model server, which plays Claude's model: it calls
// list_workflows, then start_workflow, then advance_workflow with the instance id start_workflow
// answered. The same fake server is the daemon's orchestrator model (AI_SERVICE_ENDPOINT, OpenAI
// chat): it decides the step after the report. The instance advances in the daemon's store.
const tool = (name: string) => `mcp__orchestra__${name}`;

let p: TaskProject | undefined;
let server: FakeModelServer | undefined;
afterAll(async () => {
  await p?.cleanup();
  await server?.close();
});

const messagesOf = (request: RecordedRequest) => JSON.stringify((request.body as { messages?: unknown[] } | undefined)?.messages ?? []);
const offersOrchestra = (request: RecordedRequest) => ((request.body as { tools?: Array<{ name: string }> } | undefined)?.tools ?? []).some((offered) => offered.name === tool('list_workflows'));

/** Claude's model: one tool call per turn, in order, each after the previous one's result came back. */
function claudeTurn(request: RecordedRequest, project: string): StaticTurn {
  if (!offersOrchestra(request)) return { text: 'ok' };
  const messages = messagesOf(request);
  const results = messages.split('"tool_result"').length - 1;
  if (results === 0) return { text: 'Looking for a workflow.', toolCalls: [{ name: tool('list_workflows'), input: { project } }] };
  if (results === 1) return { text: 'Starting it.', toolCalls: [{ name: tool('start_workflow'), input: { workflow_name: workflowName, context: { target: 'src/claude.ts', goal: 'clearer names' }, project } }] };
  if (results === 2) {
    const id = /instance_id\W+([A-Za-z0-9_-]+)/.exec(messages)?.[1] ?? 'no-instance-id-seen';
    const report = { step_id: 'UNDERSTAND_TARGET', status: 'success', result: 'read src/claude.ts; tests in test/claude.test.ts' };
    return { text: 'Reporting the first step.', toolCalls: [{ name: tool('advance_workflow'), input: { instance_id: id, report, context_updates: { test_command: 'npm test', tests_passing: true } } }] };
  }
  return { text: 'The workflow moved on.' };
}

describe.skipIf(!existsSync(claude))('issue 13: the real Claude Code CLI drives a guided workflow through Orchestra\'s MCP server', () => {
  it('issue 13: the model calls list_workflows, start_workflow and advance_workflow: the instance advances in the store', { timeout: 150_000 }, async () => {
    let projectDir = '';
    const fake = await startFakeModelServer({ fallback: (request) => claudeTurn(request, projectDir) });
    server = fake;
    // The orchestrator's model, asked over OpenAI chat after the report: it agrees with the rules.
    fake.script([decides('ENSURE_TESTS', 'the agent knows the target and its tests')], { endpoint: Endpoint.openaiChat });
    const project = guidedProject(modelEnv(fake));
    p = project;
    projectDir = project.project;
    const { config, env } = await claudeWithOrchestra(project, fake);
    const allowed = ['list_workflows', 'start_workflow', 'advance_workflow'].map(tool).join(',');

    const result = await run(['-p', 'Refactor src/claude.ts with Orchestra\'s guided workflow.', '--mcp-config', config, '--allowedTools', allowed, '--output-format', 'json', '--model', 'claude-fake'], project.project, env);

    const log = daemonPaths(project.home).logFile;
    const diagnostics = `claude exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}\nrequests: ${fake.requests.map((request) => `${request.path} ${messagesOf(request).slice(-400)}`).join('\n')}\ndaemon log: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`;
    expect(result.code, diagnostics).toBe(0);
    expect((JSON.parse(result.stdout) as { result: string }).result, diagnostics).toBe('The workflow moved on.');

    const mcp = await connectStdio(project);
    try {
      const { items } = (await mcp.client.callTool({ name: 'guided_list', arguments: { name: workflowName } })).structuredContent as { items: Array<{ id: string }> };
      expect(items, diagnostics).toHaveLength(1);
      const detail = await show(mcp, items[0]!.id);
      expect(detail.instance).toMatchObject({ status: 'running', currentStep: 'ENSURE_TESTS', context: { target: 'src/claude.ts', test_command: 'npm test', tests_passing: true } });
      expect(detail.history).toEqual([expect.objectContaining({ step: 'UNDERSTAND_TARGET', report: expect.objectContaining({ status: 'success', result: expect.stringContaining('src/claude.ts') }) })]);
      expect(detail.decisions.at(-1)).toMatchObject({ kind: 'advance', by: 'model', reason: 'the agent knows the target and its tests' });
    } finally {
      await mcp.close();
    }
    // Claude got each tool's answer back: the advance's carries the next step's instructions.
    const last = fake.requests.filter(offersOrchestra).at(-1);
    expect(last !== undefined && messagesOf(last).includes('ENSURE_TESTS'), diagnostics).toBe(true);
    expect(fake.remaining).toBe(0);
  });
});
