import { appendFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { parseDraft } from '../../examples/support-bot/workflows/lib/draft.js';
import { assertBuilt, eventually, killGroup, runBin, spawnCli, type Spawned } from '../cli/helpers/spawn-cli.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest } from '../support/fake-model-server/index.js';

/*
 * examples/support-bot end to end (issue 11): the example copied into a temp folder, its
 * orchestra.yaml pointed at the fake model server, real `orchestra worker` / daemon processes, and
 * the CLI a user types (`workflow start`, `inbox`, `answer`, `workflow show`).
 */

const example = join(import.meta.dirname, '..', '..', 'examples', 'support-bot');
const env = { ANTHROPIC_API_KEY: 'test-key' };

// The model is sure about order status and unsure about anything else (it then replies in prose).
const reply = (request: RecordedRequest) =>
  JSON.stringify(request.body).includes('Where is my order')
    ? { text: '```json\n{"answer": "Order 1042 ships today.", "confidence": 0.95}\n```' }
    : { text: 'I am not sure about refunds.' };

let server: FakeModelServer;
let ws: Workspace;
let project: string;
let worker: Spawned | undefined;
beforeAll(async () => {
  assertBuilt();
  server = await startFakeModelServer({ fallback: reply });
});
afterAll(async () => server.close());
beforeEach(() => {
  ws = createWorkspace('orchestra-support-bot-');
  project = join(ws.dir, 'support-bot');
  mkdirSync(ws.home, { recursive: true, mode: 0o700 });
  cpSync(example, project, { recursive: true });
  appendFileSync(join(project, 'orchestra.yaml'), `\nbackend: direct\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${server.anthropicBaseUrl}\n`);
});
afterEach(() => {
  killGroup(worker?.child.pid);
  worker = undefined;
  ws.remove();
});

const cli = (argv: string[], user = 'alice') => runBin(argv, { cwd: project, home: ws.home, env: { ...env, ORCHESTRA_USER: user } });
const start = async (id: string, input: Record<string, unknown>, ...flags: string[]) => {
  const started = await cli(['workflow', 'start', 'customer-support', '--id', id, '--input', JSON.stringify({ conversationId: 'c1', customerId: 'u1', ...input }), ...flags]);
  expect(started.code, started.stderr).toBe(0);
  return started;
};
const runWorker = () => (worker = spawnCli(['worker'], { cwd: project, home: ws.home, env }));
const completed = async (id: string) => {
  await worker!.waitForStdout(new RegExp(`customer-support ${id} {2}completed: `));
  return JSON.parse(new RegExp(`customer-support ${id} {2}completed: (.*)`).exec(worker!.stdout())![1]!) as { answer: string; handledBy: string; answeredBy?: string };
};
const taskOf = async (id: string) => JSON.parse((await cli(['inbox', 'show', id, '--json'])).stdout) as {
  status: string; assignee: { kind: string; id: string }; answeredBy?: string; history: Array<{ at: number; action: string; actor: string; detail?: Record<string, unknown> }>;
};

describe('examples/support-bot', () => {
  it.each([
    ['a JSON reply', '{"answer": "Yes.", "confidence": 0.9}', { answer: 'Yes.', confidence: 0.9 }],
    ['a fenced reply with prose around it', 'Sure:\n```json\n{"answer": "Yes.", "confidence": 1}\n```\nHope it helps', { answer: 'Yes.', confidence: 1 }],
    ['prose, no JSON', 'I am not sure.', { answer: 'I am not sure.', confidence: 0 }],
    ['broken JSON', '{"answer": "Yes.", "confidence": }', { answer: '{"answer": "Yes.", "confidence": }', confidence: 0 }],
    ['a missing score', '{"answer": "Yes."}', { answer: 'Yes.', confidence: 0 }],
    ['a score as text', '{"answer": "Yes.", "confidence": "high"}', { answer: 'Yes.', confidence: 0 }],
    ['a score above 1', '{"answer": "Yes.", "confidence": 7}', { answer: 'Yes.', confidence: 0 }],
    ['an empty answer', '{"answer": "", "confidence": 0.99}', { answer: '', confidence: 0 }],
    ['a JSON array', '[1, 2]', { answer: '[1, 2]', confidence: 0 }],
  ])('issue 11: parseDraft reads %s', (_case, text, draft) => {
    expect(parseDraft(text)).toEqual(draft);
  });

  it('issue 11: a confident AI answers, and no person is asked', async () => {
    runWorker();
    await start('hi-1', { question: 'Where is my order 1042?' }, '--no-daemon');
    expect(await completed('hi-1')).toEqual({ answer: 'Order 1042 ships today.', handledBy: 'ai', confidence: 0.95 });
    expect(JSON.parse((await cli(['inbox', '--all', '--json'])).stdout)).toEqual({ tasks: [] });
    const sent = server.requests.find((r) => JSON.stringify(r.body).includes('Where is my order 1042?'));
    expect(JSON.stringify(sent?.body)).toContain('confidence');
  }, 60_000);

  it('issue 11: an unsure AI asks support-l1; `orchestra answer` completes the task and the workflow returns the answer', async () => {
    runWorker();
    await start('lo-1', { question: 'Can I get a refund?' }, '--no-daemon');
    const inbox = await eventually(async () => {
      const listed = await cli(['inbox', '--json']);
      return listed.stdout.includes('wf:lo-1:') ? listed.stdout : undefined;
    }, 'the task in alice\'s inbox');
    const [task] = (JSON.parse(inbox) as { tasks: Array<{ id: string; assignee: { id: string } }> }).tasks;
    expect(task).toMatchObject({ id: 'wf:lo-1:2', assignee: { kind: 'group', id: 'support-l1' } });
    // bob (support-l2) may not answer a support-l1 task.
    expect((await cli(['answer', 'wf:lo-1:2', 'answer=No.'], 'bob')).code).not.toBe(0);
    const answered = await cli(['answer', 'wf:lo-1:2', 'answer=Refunds take 3-5 days.', 'sentiment=neutral']);
    expect(answered).toMatchObject({ code: 0, stdout: 'answered wf:lo-1:2 (Customer needs help) as alice\n' });
    expect(await completed('lo-1')).toEqual({ answer: 'Refunds take 3-5 days.', handledBy: 'human', answeredBy: 'alice', confidence: 0 });
    const show = await cli(['workflow', 'show', 'lo-1']);
    expect(show.stdout).toContain('status:   completed');
    expect(show.stdout).toContain('result:   {"answer":"Refunds take 3-5 days.","handledBy":"human","answeredBy":"alice","confidence":0}');
  }, 60_000);

  it("issue 11: nobody answers: the SLA hands the task to support-l2, then \"We'll get back to you\" completes it", async () => {
    runWorker();
    await start('sla-1', { question: 'Can I get a refund?', sla: '2s', giveUpAfter: '3s' }, '--no-daemon');
    expect(await completed('sla-1')).toEqual({ answer: "We'll get back to you", handledBy: 'nobody', answeredBy: 'system', confidence: 0 });
    const task = await taskOf('wf:sla-1:2');
    expect(task).toMatchObject({ status: 'completed', assignee: { kind: 'group', id: 'support-l2' }, answeredBy: 'system' });
    // First the reassignment (not before the 2s SLA), then the default answer as the chain's last step.
    expect(task.history.map((entry) => [entry.action, entry.actor, entry.detail])).toEqual([
      ['created', 'system', undefined],
      ['escalated', 'system', { step: 0, reassigned: { from: 'group:support-l1', to: 'group:support-l2' }, priority: { from: 'normal', to: 'high' } }],
      ['answered', 'system', { step: 1, answer: { answer: "We'll get back to you" } }],
      ['answer-taken', 'system', undefined],
    ]);
    expect(task.history[1]!.at - task.history[0]!.at).toBeGreaterThanOrEqual(2_000);
  }, 60_000);

  it('issue 11: `workflow start` starts the daemon when none runs, and the daemon runs the instance', async () => {
    try {
      const started = await runBin(['workflow', 'start', 'customer-support', '--id', 'd-1', '--input', '{"question":"Where is my order 1042?","conversationId":"c1","customerId":"u1"}'], { cwd: project, home: ws.home, env: { ANTHROPIC_API_KEY: 'test-key' } });
      expect(started.code, started.stderr).toBe(0);
      expect(started.stderr).toContain('started the orchestra daemon');
      expect(started.stdout).toContain('The daemon runs it');
      const done = await eventually(async () => {
        const shown = JSON.parse((await cli(['workflow', 'show', 'd-1', '--json'])).stdout) as { instance: { status: string; result?: unknown } };
        return shown.instance.status === 'completed' ? shown.instance : undefined;
      }, 'the daemon completes d-1');
      expect(done.result).toEqual({ answer: 'Order 1042 ships today.', handledBy: 'ai', confidence: 0.95 });
      // It runs now: a second start finds it and starts nothing.
      const again = await start('d-2', { question: 'Where is my order 1042?' });
      expect(again.stderr).not.toContain('started the orchestra daemon');
    } finally {
      await cli(['daemon', 'stop']);
    }
  }, 60_000);
});
