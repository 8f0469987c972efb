import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/core/process-alive.js';
import { gatePipeline } from '../../src/cli/testing/pipelines.js';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { openCliStore } from '../../src/cli/store-location.js';
import { startFakeModelServer, type FakeModelServer, type RecordedRequest } from '../support/fake-model-server/index.js';
import { answerGateTask, gateTasksOf } from './helpers/gate-tasks.js';
import { assertBuilt, eventually, killGroup, spawnCli, type Spawned } from './helpers/spawn-cli.js';

// Issue 10, interactive nodes end to end: real CLI processes, a real SQLite store, and the fake
// model server standing in for Anthropic, so every model call is counted across processes. Each
// test spawns several CLI processes: generous timeouts for a loaded 2-core machine.
let dir: string;
let model: FakeModelServer;
let root: string;

/** The model's n-th call answers `model answer n`, quoting the last thing the person said. */
function modelCalls(): RecordedRequest[] {
  return model.requests.filter((request) => request.method === 'POST');
}

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-chat-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async (ctx) => {
  model = await startFakeModelServer({ fallback: () => ({ text: `model answer ${modelCalls().length}` }) });
  root = join(dir, ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'orchestra.yaml'), `backend: direct\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${model.anthropicBaseUrl}\n`);
  writeFileSync(join(root, 'chat.dot'), `digraph Chat {
  goal="Name the product"
  start [shape=Mdiamond]
  exit [shape=Msquare]
  ideas [label="Ideas", prompt="Propose names for $goal", interactive=true, max_turns=5]
  summary [prompt="Summarize: \${context.last_response}"]
  start -> ideas -> summary -> exit
}
`);
});
afterEach(() => model.close());

const env = { ANTHROPIC_API_KEY: 'test-key', ORCHESTRA_USER: 'runner', ORCHESTRA_HUMAN_POLL_MS: '200' };
const home = () => join(root, 'home');
const waitingLine = /Waiting for human task (h[0-9a-z]{12})/g;

function start(argv: string[], closeInput = true): Spawned {
  const run = spawnCli(argv, { cwd: root, home: home(), env });
  if (closeInput) run.child.stdin?.end();
  return run;
}

/** The id of the n-th chat task the run printed (1-based). */
async function nthTask(run: Spawned, n: number): Promise<string> {
  const out = await run.waitForStdout(new RegExp(`(?:Waiting for human task h[0-9a-z]{12}[\\s\\S]*){${n}}`), 60_000);
  return [...out.matchAll(waitingLine)][n - 1]?.[1] ?? '';
}

async function onlyRunId(): Promise<string> {
  const listed = JSON.parse((await runCli(['runs', '--json'], { cwd: root, home: home() })).stdout) as { runs: { id: string }[] };
  expect(listed.runs).toHaveLength(1);
  return listed.runs[0]?.id ?? '';
}

async function chatTurns(runId: string): Promise<Array<[string, number, string]>> {
  const { store } = await openCliStore({ ORCHESTRA_HOME: home() });
  try {
    const events = await store.readEvents(runId, 0, 10_000);
    return events.flatMap((event) => (event.type === 'chat.turn' ? [[event.role, event.turn, event.text] as [string, number, string]] : []));
  } finally {
    await store.close();
  }
}

function promptOf(request: RecordedRequest | undefined): string {
  return JSON.stringify(request?.body ?? null);
}

describe('issue 10: interactive nodes', () => {
  it('issue 10: at a terminal the chat is at the prompt; the model sees the transcript, runs --detail shows it, the summary gets the last answer', { timeout: 120_000 }, async () => {
    const run = start(['run', join(root, 'chat.dot')], false);
    try {
      await run.waitForStdout('(reply, or end the chat with /done)');
      expect(run.stdout()).toContain('[?] Ideas (turn 1 of at most 5)\n    model answer 1\n');
      run.child.stdin?.write('Shorter names please\n');
      await run.waitForStdout('turn 2 of at most 5');
      run.child.stdin?.end('/done\n');
      expect((await run.exited).code, run.stderr()).toBe(0);
    } finally {
      killGroup(run.child.pid);
    }
    expect(modelCalls()).toHaveLength(3);
    expect(promptOf(modelCalls()[1])).toContain('Shorter names please');
    expect(promptOf(modelCalls()[2])).toContain('Summarize: model answer 2');
    const runId = await onlyRunId();
    const detail = await runCli(['runs', runId, '--detail'], { cwd: root, home: home(), env: { NO_COLOR: '1' } });
    expect(detail.stdout).toContain(['Conversations:', '  ideas (visit r0.v1):', '    model, turn 1:', '      model answer 1', '    runner:', '      Shorter names please', '    model, turn 2:', '      model answer 2', '    runner ended the chat'].join('\n'));
    const tasks = await gateTasksOf(home(), runId);
    const answers = tasks.map((task) => [task.kind, task.status, task.answeredBy, task.answer?.['message']]);
    expect(answers).toHaveLength(2);
    expect(answers).toEqual(expect.arrayContaining([['chat', 'completed', 'runner', 'Shorter names please'], ['chat', 'completed', 'runner', '/done']]));
  });

  it('issue 10: kill -9 while waiting on turn 2, answer while nothing runs, resume: turn 1 intact, the model called only for the new turns', { timeout: 120_000 }, async () => {
    const first = start(['run', join(root, 'chat.dot')]);
    let second: Spawned | undefined;
    try {
      const turn1 = await nthTask(first, 1);
      const [task1] = await gateTasksOf(home());
      expect(task1).toMatchObject({ id: turn1, kind: 'chat', status: 'open', form: { message: { type: 'textarea', required: true } } });
      expect(task1?.context['transcript']).toEqual([{ role: 'model', turn: 1, attempt: 1, text: 'model answer 1' }]);
      await answerGateTask(home(), turn1, { message: 'More playful' });
      const turn2 = await nthTask(first, 2);
      expect(turn2).not.toBe(turn1);
      expect(modelCalls()).toHaveLength(2);
      killGroup(first.child.pid);
      await first.exited;

      const runId = await onlyRunId();
      expect(await chatTurns(runId)).toEqual([['model', 1, 'model answer 1'], ['person', 1, 'More playful'], ['model', 2, 'model answer 2']]);
      const shown = await runCli(['runs', runId], { cwd: root, home: home(), env: { NO_COLOR: '1' } });
      expect(shown.stdout).toContain(`orchestra answer ${turn2} message="…"`);
      const inbox = await runCli(['inbox', 'show', turn2], { cwd: root, home: home(), env: { NO_COLOR: '1' } });
      expect(inbox.stdout).toContain(['conversation so far:', '  model, turn 1:', '    model answer 1', '  ann:', '    More playful', '  model, turn 2:', '    model answer 2'].join('\n'));

      // Nobody drives the run now: the answer is kept until it resumes, and taken once.
      const answered = await runCli(['answer', turn2, 'message=/done'], { cwd: root, home: home(), env });
      expect(answered.code, answered.stderr).toBe(0);
      second = start(['resume', runId]);
      expect((await second.exited).code, second.stderr() + second.stdout()).toBe(0);
      // Only the summary was asked for: the chat took the stored answer and ended.
      expect(modelCalls()).toHaveLength(3);
      expect(promptOf(modelCalls()[2])).toContain('Summarize: model answer 2');
      expect(await chatTurns(runId)).toEqual([['model', 1, 'model answer 1'], ['person', 1, 'More playful'], ['model', 2, 'model answer 2'], ['person', 2, '']]);
      const tasks = await gateTasksOf(home(), runId);
      expect(tasks.map((task) => task.id).sort()).toEqual([turn1, turn2].sort());
      for (const task of tasks) expect(task.history.filter((entry) => entry.action === 'answer-taken')).toHaveLength(1);
      const transcript = JSON.parse(readFileSync(join(home(), 'runs', runId, 'ideas', 'transcript.json'), 'utf8')) as Array<{ text: string }>;
      expect(transcript.map((entry) => entry.text)).toEqual(['model answer 1', 'More playful', 'model answer 2', '']);
    } finally {
      for (const run of [first, second]) if (run) killGroup(run.child.pid);
    }
  });

  it('issue 10: a detached run killed at turn 2 is carried on by the daemon once the turn is answered', { timeout: 120_000 }, async () => {
    const started = await runCli(['run', join(root, 'chat.dot'), '--detach', '--json'], { cwd: root, home: home(), env });
    expect(started.code, started.stderr).toBe(0);
    const { runId, pid } = JSON.parse(started.stdout) as { runId: string; pid: number };
    const openTask = async (turn: number) =>
      eventually(async () => (await gateTasksOf(home(), runId)).find((task) => task.status === 'open' && task.context['turn'] === turn), `the chat task of turn ${turn}`, 60_000);
    try {
      await answerGateTask(home(), (await openTask(1)).id, { message: 'Include a verb' });
      const turn2 = await openTask(2);
      killGroup(pid);
      await eventually(() => (isProcessAlive(pid) ? undefined : true), 'the detached run to die');
      await answerGateTask(home(), turn2.id, { message: '/done' });
      const { store } = await openCliStore({ ORCHESTRA_HOME: home() });
      try {
        // `run --detach` started the user's daemon: its resumer carries the run on.
        const done = await eventually(async () => {
          const run = await store.getRun(runId);
          return run?.state === 'completed' ? run : undefined;
        }, 'the daemon to resume and finish the run', 60_000);
        expect(done.outcome).toBe('success');
      } finally {
        await store.close();
      }
      expect(modelCalls()).toHaveLength(3);
      expect((await chatTurns(runId)).map(([role, turn]) => `${role}${turn}`)).toEqual(['model1', 'person1', 'model2', 'person2']);
    } finally {
      killGroup(pid);
      await runCli(['daemon', 'stop'], { cwd: root, home: home(), env });
    }
  });

  it('issue 10: orchestra answer ends a chat with a choice, which routes the run like a gate; an answer without a message is refused and changes nothing', { timeout: 120_000 }, async () => {
    // The gate pipeline, its gate made an interactive LLM node: the gate's two edges are the chat's choices.
    writeFileSync(join(root, 'choose.dot'), gatePipeline.replace('review [shape=hexagon, label="Ship it?"]', 'review [prompt="Write the verdict", interactive=true]'));
    const run = start(['run', join(root, 'choose.dot')]);
    try {
      const id = await nthTask(run, 1);
      expect(run.stdout()).toContain(`orchestra answer ${id} message="…" [choice=<target>]`);
      const shown = await runCli(['inbox', 'show', id], { cwd: root, home: home(), env: { NO_COLOR: '1' } });
      expect(shown.stdout).toContain('  choice (End the conversation with): select\n      ship  Approve\n      fix  Fix');
      const refused = await runCli(['answer', id, 'choice=fix'], { cwd: root, home: home(), env });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('message');
      expect((await gateTasksOf(home()))[0]?.status).toBe('open');
      const answered = await runCli(['answer', id, 'message=Tests fail on Windows', 'choice=fix'], { cwd: root, home: home(), env });
      expect(answered.code, answered.stderr).toBe(0);
      expect((await run.exited).code, run.stderr()).toBe(0);
      expect(run.stdout()).toContain('→ fix "[F] Fix" (preferred label)');
      expect(run.stdout()).not.toMatch(/✓ ship /);
    } finally {
      killGroup(run.child.pid);
    }
    expect(modelCalls()).toHaveLength(2);
  });

  it('issue 10: --auto-approve ends the chat after the first answer', { timeout: 120_000 }, async () => {
    const result = await runCli(['run', join(root, 'chat.dot'), '--auto-approve'], { cwd: root, home: home(), env });
    expect(result.code, result.stderr).toBe(0);
    expect(modelCalls()).toHaveLength(2);
    const [task] = await gateTasksOf(home());
    expect(task).toMatchObject({ kind: 'chat', status: 'completed', answeredBy: 'system', answer: { message: '/done' } });
  });
});

