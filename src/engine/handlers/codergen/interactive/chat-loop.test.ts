import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../../../agents/simulation/index.js';
import type { Interviewer, Question } from '../../../../humans/interviewer.js';
import { createAutoApproveInterviewer, createQueueInterviewer, createRecordingInterviewer } from '../../../../humans/interviewers/index.js';
import { createMemoryStore } from '../../../../store/memory/index.js';
import type { Store } from '../../../../store/store.js';
import { buildGraph, type PlainAttrs } from '../../../testing/build-graph.js';
import { cleanupHarnesses, createHandlerHarness } from '../../testing/index.js';
import { createCodergenHandler } from '../codergen-handler.js';

afterEach(cleanupHarnesses);

function chatGraph(attrs: PlainAttrs = {}, labeled = true) {
  return buildGraph({
    attrs: { goal: 'Review PR 7' },
    nodes: { verdict: { label: 'Verdict', prompt: 'Write the verdict for $goal', interactive: 'true', ...attrs } },
    edges: labeled ? [['verdict', 'exit', { label: '[A] Approve' }], ['verdict', 'again', { label: '[R] Review again' }]] : [['verdict', 'exit', {}]],
  });
}

/** A harness whose events reach its store, as the engine's do: the transcript is read back from there. */
async function chatHarness(options: { interviewer: Interviewer; store?: Store; attrs?: PlainAttrs; labeled?: boolean; attempt?: number }) {
  const store = options.store ?? createMemoryStore();
  const backend = createSimulationBackend();
  const harness = await createHandlerHarness({ graph: chatGraph(options.attrs, options.labeled), nodeId: 'verdict', interviewer: options.interviewer, store, backend, attempt: options.attempt ?? 1 });
  const emit = harness.input.services.emit;
  harness.input.services.emit = async (event) => {
    await store.appendEvents(harness.input.run.id, [{ ...event, at: 1 }]);
    await emit(event);
  };
  harness.input.visit = 'r0.v1';
  return { harness, backend, store };
}

describe('issue 10: interactive codergen nodes', () => {
  it('issue 10: the model answers, the person replies, and a choice ends the chat and routes like a gate', async () => {
    const recorder = createRecordingInterviewer(createQueueInterviewer(['Mention the tests', '/A']));
    const { harness, backend } = await chatHarness({ interviewer: recorder });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(backend.requests.map((request) => request.chat?.turn)).toEqual([1, 2]);
    expect(backend.requests[0]?.prompt).toBe('Write the verdict for Review PR 7');
    expect(backend.requests[1]?.prompt).toContain('## Conversation so far');
    expect(backend.requests[1]?.prompt).toContain('### The person\n\nMention the tests');
    const question = recorder.recordings[0]?.question as Question;
    expect(question).toMatchObject({ type: 'chat', text: 'Verdict (turn 1 of at most 10)', body: '[Simulated] Response for stage: verdict', options: [{ key: 'A', label: 'Approve', id: 'exit' }, { key: 'R', label: 'Review again', id: 'again' }] });
    const last = '[Simulated] Response for stage: verdict, turn 2, answering: Mention the tests';
    expect(outcome).toMatchObject({
      status: 'success',
      preferredLabel: 'Approve',
      suggestedNextIds: ['exit'],
      notes: 'Chat ended by the person choosing [A] Approve, 2 model turns',
      contextUpdates: { last_stage: 'verdict', last_response: last, 'verdict.choice': 'Approve', 'verdict.turns': 2 },
    });
    expect(harness.eventsOf('chat.turn').map((event) => [event.role, event.turn, event.end ?? false])).toEqual([['model', 1, false], ['person', 1, false], ['model', 2, false], ['person', 2, true]]);
    const transcript = JSON.parse(await readFile(join(harness.stageDir, 'transcript.json'), 'utf8'));
    expect(transcript[3]).toMatchObject({ role: 'person', end: true, choice: 'exit' });
    expect(await readFile(join(harness.stageDir, 'transcript.md'), 'utf8')).toContain('## Model (turn 2)\n\n' + last);
    expect(await readFile(join(harness.stageDir, 'response.md'), 'utf8')).toBe(last);
  });

  it('issue 10: /done ends a chat without choices, and the last reply lands in the context', async () => {
    const { harness } = await chatHarness({ interviewer: createQueueInterviewer(['More detail', '/done']), labeled: false });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(outcome?.preferredLabel).toBeUndefined();
    expect(outcome?.contextUpdates).toMatchObject({ 'verdict.reply': 'More detail', 'verdict.turns': 2 });
    expect(outcome?.notes).toBe('Chat ended by the person (/done), 2 model turns');
  });

  it('issue 10: max_turns ends the chat after that many model answers, without asking again', async () => {
    const recorder = createRecordingInterviewer(createQueueInterviewer(['one', 'two', 'three']));
    const { harness, backend } = await chatHarness({ interviewer: recorder, attrs: { max_turns: '2' } });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(backend.requests).toHaveLength(2);
    expect(recorder.recordings).toHaveLength(1);
    expect(outcome?.notes).toBe('Chat ended after max_turns (2), 2 model turns');
  });

  it('issue 10: --auto-approve ends the chat at once with the first choice', async () => {
    const { harness, backend } = await chatHarness({ interviewer: createAutoApproveInterviewer() });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(backend.requests).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'success', preferredLabel: 'Approve', suggestedNextIds: ['exit'] });
  });

  it('issue 10: a resumed chat continues from the stored transcript: the model is asked only for the new turn', async () => {
    const store = createMemoryStore();
    const first = await chatHarness({ interviewer: createQueueInterviewer(['Mention the tests']), store });
    // The queue runs dry after one reply: the chat fails there, as a run stopped mid-chat would leave it.
    await createCodergenHandler().execute(first.harness.input);
    expect(first.backend.requests).toHaveLength(2);

    const second = await chatHarness({ interviewer: createQueueInterviewer(['/R']), store });
    const outcome = await createCodergenHandler().execute(second.harness.input);
    expect(second.backend.requests).toHaveLength(0);
    expect(outcome).toMatchObject({ preferredLabel: 'Review again', suggestedNextIds: ['again'], contextUpdates: { 'verdict.turns': 2, 'verdict.reply': 'Mention the tests' } });
    expect(second.harness.eventsOf('chat.turn').map((event) => [event.role, event.turn])).toEqual([['person', 2]]);
  });

  it('issue 10: a bad max_turns fails the node naming the attribute', async () => {
    const { harness } = await chatHarness({ interviewer: createQueueInterviewer([]), attrs: { max_turns: 'lots' } });
    const outcome = await createCodergenHandler().execute(harness.input);
    expect(outcome).toMatchObject({ status: 'fail' });
    expect(outcome?.failureReason).toContain('max_turns');
  });
});
