import { afterEach, describe, expect, it } from 'vitest';
import { noPeople } from '../../config/index.js';
import { cleanupHarnesses, createHandlerHarness } from '../../engine/handlers/testing/index.js';
import { createWaitHumanHandler } from '../../engine/handlers/wait-human/index.js';
import { buildGraph, type PlainAttrs } from '../../engine/testing/build-graph.js';
import type { Answer, Interviewer } from '../../humans/interviewer.js';
import { createCallbackInterviewer, createQueueInterviewer } from '../../humans/interviewers/index.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import type { Store } from '../../store/store.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { answerHumanTask } from '../human-tasks/answer.js';
import { escalationTimerHandlers } from '../human-tasks/escalation-handlers.js';
import { createRecordingNotifier } from '../human-tasks/testing/recording-notifier.js';
import { runDueTimers } from '../timers/run-due-timers.js';
import { createGateTasks } from './gate-tasks.js';

afterEach(cleanupHarnesses);

const scope = authenticateLocal({ env: {} });
const comment = `{ comment: { type: textarea, label: 'Why?' } }`;

async function gate(interviewer: Interviewer, attrs: PlainAttrs = {}) {
  const graph = buildGraph({
    nodes: { gate: { shape: 'hexagon', label: 'Ship the release?', ...attrs } },
    edges: [
      ['gate', 'ship', { label: '[A] Approve' }],
      ['gate', 'fix', { label: '[R] Request changes' }],
    ],
  });
  const store: Store = createMemoryStore();
  const harness = await createHandlerHarness({ graph, nodeId: 'gate', interviewer, store });
  harness.input.visit = 'r0.v1';
  harness.input.services.humanTasks = createGateTasks({ store, scope, people: noPeople, now: () => Date.now(), actor: () => ({ id: 'runner', groups: [], admin: false }), pollMs: 10 });
  return { store, harness, outcome: createWaitHumanHandler().execute(harness.input) };
}

/** An interviewer that never answers, and records why its question was withdrawn. */
function silentInterviewer(withdrawn: unknown[]): Interviewer {
  return createCallbackInterviewer(
    (_question, signal) =>
      new Promise<Answer>((_resolve, reject) => {
        signal?.addEventListener('abort', () => {
          withdrawn.push(signal.reason);
          reject(signal.reason);
        });
      }),
  );
}

async function onlyTask(store: Store) {
  for (;;) {
    const { tasks } = await store.listHumanTasks(scope);
    if (tasks.length > 0) return tasks[0]!;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('issue 10: a wait.human node as a human task', () => {
  it('issue 10: the terminal answers the task as the acting user; the choice routes and human.form fields land as human.<field>', async () => {
    const { store, outcome } = await gate(createQueueInterviewer(['R', 'tests fail']), { 'human.form': comment, 'human.sla': '30m' });
    const result = await outcome;
    expect(result).toMatchObject({ status: 'success', suggestedNextIds: ['fix'], contextUpdates: { 'human.comment': 'tests fail', 'human.answered_by': 'runner', 'human.gate.selected': 'R' } });
    const task = await onlyTask(store);
    expect(task).toMatchObject({ status: 'completed', answeredBy: 'runner', answer: { choice: 'fix', comment: 'tests fail' }, createdBy: { kind: 'run', runId: 'run-test', nodeId: 'gate' }, title: 'Ship the release?' });
    expect(task.dueAt! - task.createdAt).toBe(30 * 60_000);
    expect(result?.contextUpdates?.['human.task.id']).toBe(task.id);
    expect(task.history.map((entry) => entry.action)).toEqual(['created', 'answered', 'answer-taken']);
  });

  it('issue 10: an answer from elsewhere wins and withdraws the terminal question', async () => {
    const withdrawn: unknown[] = [];
    const { store, outcome } = await gate(silentInterviewer(withdrawn));
    const task = await onlyTask(store);
    await answerHumanTask({ store, scope, actor: { id: 'ann', groups: [], admin: false }, people: noPeople, now: () => Date.now() }, { id: task.id, answer: { choice: 'ship' } });
    expect(await outcome).toMatchObject({ status: 'success', suggestedNextIds: ['ship'], contextUpdates: { 'human.answered_by': 'ann' } });
    expect(withdrawn).toHaveLength(1);
  });

  it('issue 10: human.timeout withdraws the task (cancelled) and takes human.default_choice', async () => {
    const { store, outcome } = await gate(silentInterviewer([]), { 'human.timeout': '50ms', 'human.default_choice': 'fix' });
    expect(await outcome).toMatchObject({ status: 'success', suggestedNextIds: ['fix'] });
    expect(await onlyTask(store)).toMatchObject({ status: 'cancelled' });
  });

  it('issue 10: the same visit finds its task again; an answer stored meanwhile is taken at once', async () => {
    const first = await gate(silentInterviewer([]));
    const task = await onlyTask(first.store);
    first.harness.abort();
    await expect(first.outcome).rejects.toBeDefined();
    await answerHumanTask({ store: first.store, scope, actor: { id: 'ann', groups: [], admin: false }, people: noPeople, now: () => Date.now() }, { id: task.id, answer: { choice: 'fix' } });
    const again = createWaitHumanHandler().execute({ ...first.harness.input, signal: new AbortController().signal });
    expect(await again).toMatchObject({ status: 'success', suggestedNextIds: ['fix'] });
    expect((await first.store.listHumanTasks(scope)).tasks.map((t) => t.id)).toEqual([task.id]);
  });

  it('issue 10: human.escalation: nobody answers, the sweeper raises the priority, then gives the default answer and the gate takes it', async () => {
    const escalation = `[{ after: 30m, priority: high, notify: ops }, { after: 1h, answer: { choice: 'Request changes', comment: 'nobody answered within the hour' } }]`;
    const { store, outcome } = await gate(silentInterviewer([]), { 'human.form': comment, 'human.sla': '30m', 'human.escalation': escalation });
    const task = await onlyTask(store);
    const notifier = createRecordingNotifier();
    const sweep = (at: number) => runDueTimers({ store, clock: { now: () => at }, handlers: escalationTimerHandlers({ store, notifier }), owner: 'test-sweeper' });
    // At 29 minutes only the due-soon notice (80% of the SLA) goes out.
    expect((await sweep(task.createdAt + 29 * 60_000)).fired).toBe(1);
    expect(notifier.sent.splice(0)).toMatchObject([{ event: 'due_soon', taskId: task.id }]);
    await sweep(task.createdAt + 31 * 60_000);
    expect(await store.getHumanTask(scope, task.id)).toMatchObject({ status: 'open', priority: 'high' });
    expect(notifier.sent).toMatchObject([{ event: 'escalated', channels: ['ops'], step: 0, taskId: task.id }]);
    await sweep(task.createdAt + 61 * 60_000);
    expect(await outcome).toMatchObject({ status: 'success', suggestedNextIds: ['fix'], contextUpdates: { 'human.comment': 'nobody answered within the hour', 'human.answered_by': 'system' } });
    const settled = await store.getHumanTask(scope, task.id);
    expect(settled).toMatchObject({ status: 'completed', answer: { choice: 'fix' } });
    expect(settled!.history.map((entry) => entry.action)).toEqual(['created', 'escalated', 'answered', 'answer-taken']);
  });
});
