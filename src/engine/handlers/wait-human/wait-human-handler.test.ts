import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../core/outcome.js';
import type { Answer, Interviewer, Question } from '../../../humans/interviewer.js';
import { createCallbackInterviewer, createQueueInterviewer, createRecordingInterviewer } from '../../../humans/interviewers/index.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { cleanupHarnesses, createHandlerHarness } from '../testing/index.js';
import { createWaitHumanHandler } from './wait-human-handler.js';

afterEach(cleanupHarnesses);

function gateGraph(gateAttrs: PlainAttrs = {}) {
  return buildGraph({
    nodes: { gate: { shape: 'hexagon', label: 'Ship the release?', ...gateAttrs } },
    edges: [
      ['gate', 'ship', { label: '[A] Approve' }],
      ['gate', 'fix', { label: '[R] Request changes' }],
    ],
  });
}

async function runGate(interviewer: Interviewer, gateAttrs: PlainAttrs = {}) {
  const harness = await createHandlerHarness({ graph: gateGraph(gateAttrs), nodeId: 'gate', interviewer });
  const outcome = await createWaitHumanHandler().execute(harness.input);
  return { outcome, harness };
}

const approved: Outcome = {
  status: 'success',
  preferredLabel: 'Approve',
  suggestedNextIds: ['ship'],
  contextUpdates: { 'human.gate.selected': 'A', 'human.gate.label': 'Approve' },
  notes: 'Human gate selected: [A] Approve',
};

describe('decision 5: wait.human handler', () => {
  it.each<[string, Answer | string, string]>([
    ['key', 'a', 'ship'],
    ['label', 'request changes', 'fix'],
    ['target id', 'fix', 'fix'],
    ['selected option', { value: 'R', selectedOption: { key: 'R', label: 'Request changes' } }, 'fix'],
  ])('an answer naming a choice by %s routes to its edge', async (_name, answer, target) => {
    const { outcome } = await runGate(createQueueInterviewer([answer]));
    expect(outcome?.status).toBe('success');
    expect(outcome?.suggestedNextIds).toEqual([target]);
  });

  it('returns the chosen label, target and context updates', async () => {
    const { outcome } = await runGate(createQueueInterviewer(['A']));
    expect(outcome).toEqual(approved);
  });

  it('asks a multiple-choice question built from the label and the outgoing edges', async () => {
    const recorder = createRecordingInterviewer(createQueueInterviewer(['A']));
    await runGate(recorder);
    expect(recorder.recordings[0]?.question).toEqual<Question>({
      text: 'Ship the release?',
      type: 'multiple_choice',
      options: [
        { key: 'A', label: 'Approve', id: 'ship' },
        { key: 'R', label: 'Request changes', id: 'fix' },
      ],
      stage: 'gate',
    });
  });

  it('emits interview.started and interview.completed', async () => {
    const { harness } = await runGate(createQueueInterviewer(['R']));
    expect(harness.events.map((e) => e.type)).toEqual(['interview.started', 'interview.completed']);
    expect(harness.events[0]).toEqual({
      type: 'interview.started',
      node: 'gate',
      question: 'Ship the release?',
      options: [
        { key: 'A', label: 'Approve' },
        { key: 'R', label: 'Request changes' },
      ],
    });
    expect(harness.eventsOf('interview.completed')[0]).toMatchObject({ node: 'gate', question: 'Ship the release?', answer: 'Request changes' });
  });

  it('fails naming the choices when the answer matches nothing', async () => {
    const { outcome } = await runGate(createQueueInterviewer(['maybe']));
    expect(outcome).toEqual({
      status: 'fail',
      failureReason: 'Answer "maybe" matches no choice of human gate "gate"; the choices are [A] Approve, [R] Request changes.',
    });
  });

  it('fails when the human skipped the question', async () => {
    const { outcome } = await runGate(createQueueInterviewer([]));
    expect(outcome).toEqual({ status: 'fail', failureReason: 'human skipped interaction' });
  });

  it('fails without outgoing edges, asking nothing', async () => {
    const graph = buildGraph({ nodes: { gate: { shape: 'hexagon' } } });
    const recorder = createRecordingInterviewer(createQueueInterviewer(['A']));
    const harness = await createHandlerHarness({ graph, nodeId: 'gate', interviewer: recorder });
    await expect(createWaitHumanHandler().execute(harness.input)).resolves.toEqual({ status: 'fail', failureReason: 'No outgoing edges for human gate' });
    expect(recorder.recordings).toEqual([]);
  });

  it('asks "Select an option:" when the gate has no label', async () => {
    const graph = buildGraph({ nodes: { gate: { shape: 'hexagon' } }, edges: [['gate', 'next']] });
    const recorder = createRecordingInterviewer(createQueueInterviewer(['N']));
    const harness = await createHandlerHarness({ graph, nodeId: 'gate', interviewer: recorder });
    expect((await createWaitHumanHandler().execute(harness.input))?.suggestedNextIds).toEqual(['next']);
    expect(recorder.recordings[0]?.question.text).toBe('Select an option:');
  });

  it.each([
    ['target id', 'fix'],
    ['key', 'r'],
    ['label', 'Request changes'],
  ])('takes human.default_choice (matched by %s) when the interviewer times out', async (_name, defaultChoice) => {
    const { outcome, harness } = await runGate(createQueueInterviewer([{ value: 'timeout', timedOut: true }]), { 'human.default_choice': defaultChoice });
    expect(outcome).toMatchObject({ status: 'success', suggestedNextIds: ['fix'], notes: 'Human gate timed out, took the default: [R] Request changes' });
    expect(harness.events.map((e) => e.type)).toEqual(['interview.started', 'interview.timeout']);
  });

  it('takes the default the interviewer answered on timeout', async () => {
    const { outcome } = await runGate(createCallbackInterviewer((q) => ({ ...q.default!, timedOut: true })), { 'human.default_choice': 'fix' });
    expect(outcome?.suggestedNextIds).toEqual(['fix']);
  });

  it('gives the question its default and timeout', async () => {
    const recorder = createRecordingInterviewer(createQueueInterviewer(['A']));
    await runGate(recorder, { 'human.default_choice': 'fix', 'human.timeout': '90s' });
    expect(recorder.recordings[0]?.question).toMatchObject({ timeoutSeconds: 90, default: { value: 'R', selectedOption: { key: 'R', label: 'Request changes', id: 'fix' } } });
  });

  it('returns RETRY on timeout without a default', async () => {
    const { outcome } = await runGate(createQueueInterviewer([{ value: 'timeout' }]));
    expect(outcome).toEqual({ status: 'retry', failureReason: 'human gate timeout, no default' });
  });

  it('enforces human.timeout for an interviewer that never answers, withdrawing the question', async () => {
    let withdrawn: unknown;
    const silent = createCallbackInterviewer(
      (_q, signal) =>
        new Promise<Answer>((_resolve, reject) => {
          signal?.addEventListener('abort', () => {
            withdrawn = signal.reason;
            reject(new Error('withdrawn'));
          });
        }),
    );
    const { outcome, harness } = await runGate(silent, { 'human.timeout': '50ms', 'human.default_choice': 'ship' });
    expect(outcome?.suggestedNextIds).toEqual(['ship']);
    expect(withdrawn).toBeDefined();
    expect(harness.eventsOf('interview.timeout')).toHaveLength(1);
  });

  it('fails naming the choices when human.default_choice matches none, before asking', async () => {
    const recorder = createRecordingInterviewer(createQueueInterviewer(['A']));
    const { outcome, harness } = await runGate(recorder, { 'human.default_choice': 'deploy' });
    expect(outcome).toEqual({
      status: 'fail',
      failureReason: 'human.default_choice "deploy" of node "gate" matches no choice; the choices are [A] Approve, [R] Request changes.',
    });
    expect(recorder.recordings).toEqual([]);
    expect(harness.events).toEqual([]);
  });

  it('rejects with the abort reason when the run is cancelled while waiting', async () => {
    const waiting = createCallbackInterviewer((_q, signal) => new Promise<Answer>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))));
    const harness = await createHandlerHarness({ graph: gateGraph(), nodeId: 'gate', interviewer: waiting });
    const pending = createWaitHumanHandler().execute(harness.input);
    await harness.waitForEvent('interview.started');
    harness.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
  });

  it('rejects a human.timeout that is not a duration', async () => {
    await expect(runGate(createQueueInterviewer(['A']), { 'human.timeout': 'soon' })).rejects.toMatchObject({
      code: 'E_ATTRIBUTE_TYPE',
      message: 'Attribute "human.timeout" of node "gate" (<test>:1:1) must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".',
    });
  });

  it('issue 9: the question expands $goal, run variables and ${context.key} once, inserting values literally', async () => {
    const graph = buildGraph({
      attrs: { goal: 'ship {{ evil }}' },
      nodes: { gate: { shape: 'hexagon', label: 'Ship $goal for $who after ${context.stage}?' } },
      edges: [['gate', 'ship', { label: '[A] Approve' }]],
    });
    const recorder = createRecordingInterviewer(createQueueInterviewer(['A']));
    const harness = await createHandlerHarness({ graph, nodeId: 'gate', interviewer: recorder, run: { variables: { who: '{{ who }} $goal' } }, context: { stage: 'build' } });
    await createWaitHumanHandler().execute(harness.input);
    const text = 'Ship ship {{ evil }} for {{ who }} $goal after build?';
    expect(recorder.recordings[0]?.question.text).toBe(text);
    expect(harness.events[0]).toMatchObject({ type: 'interview.started', question: text });
  });

  it('issue 9: writes the question and choices to prompt.md and the answer to response.md', async () => {
    const { harness } = await runGate(createQueueInterviewer(['r']));
    expect(await readFile(join(harness.stageDir, 'prompt.md'), 'utf8')).toBe('Ship the release?\n\n- [A] Approve\n- [R] Request changes\n');
    expect(await readFile(join(harness.stageDir, 'response.md'), 'utf8')).toBe('[R] Request changes\n');
  });

  it('issue 9: response.md says when the default was taken on timeout, and what an unmatched answer was', async () => {
    const timedOut = await runGate(createQueueInterviewer([{ value: 'timeout', timedOut: true }]), { 'human.default_choice': 'fix' });
    expect(await readFile(join(timedOut.harness.stageDir, 'response.md'), 'utf8')).toBe('[R] Request changes (timed out, took the default)\n');
    const unmatched = await runGate(createQueueInterviewer(['maybe']));
    expect(await readFile(join(unmatched.harness.stageDir, 'response.md'), 'utf8')).toBe('maybe (matches no choice)\n');
  });
});
