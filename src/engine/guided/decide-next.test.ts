import { describe, expect, it } from 'vitest';
import { decideAdvance } from './decide-next.js';
import type { StepDecider } from './step-decider.js';
import { refactorDefinition } from './guided-fixtures.case.js';

const definition = refactorDefinition();
const question = { definition, step: 'TEST', history: [], report: { step_id: 'TEST', status: 'success' }, context: { target: 'a.ts' } };

function stub(answer: Awaited<ReturnType<StepDecider['decide']>> | Error): StepDecider {
  return { label: 'stub', decide: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)) };
}

describe('decideAdvance', () => {
  it.each<[string, StepDecider | undefined, { next?: string; status: string; by: string; fallback?: string }]>([
    ['no model: the rules', undefined, { next: 'REVIEW', status: 'running', by: 'rules' }],
    ['a good answer: the model', stub({ next_step: 'PLAN', context_updates: { tests: 2 }, reason: 'tests failed: plan again' }), { next: 'PLAN', status: 'running', by: 'model' }],
    ['END completes', stub({ next_step: 'END', context_updates: {}, reason: 'done' }), { status: 'completed', by: 'model' }],
    ['FAIL fails', stub({ next_step: 'FAIL', context_updates: {}, reason: 'hopeless' }), { status: 'failed', by: 'model' }],
    ['a missing step: the rules, saying why', stub({ next_step: 'DEPLOY', context_updates: {}, reason: '?' }), { next: 'REVIEW', status: 'running', by: 'rules', fallback: 'the model named step "DEPLOY", which workflow REFACTOR does not have' }],
    ['context of the wrong type: the rules, saying why', stub({ next_step: 'PLAN', context_updates: { tests: 'two' }, reason: '?' }), { next: 'REVIEW', status: 'running', by: 'rules', fallback: "the model's context_updates.tests expected number (declared at /defs/REFACTOR/index.md:3:3), got string" }],
    ['a failure: the rules, saying why', stub(new Error('no answer within 50 ms (AI_REQUEST_TIMEOUT_MS)')), { next: 'REVIEW', status: 'running', by: 'rules', fallback: 'the model failed: no answer within 50 ms (AI_REQUEST_TIMEOUT_MS)' }],
  ])('issue 13: %s', async (_name, decider, expected) => {
    const { decision, input, output } = await decideAdvance(question, decider);
    expect(decision).toMatchObject(expected);
    expect(decision.fallback).toBe(expected.fallback);
    expect(input).toMatchObject({ purpose: 'advance', step: 'TEST', report: question.report, context: question.context });
    if (decider !== undefined) expect(input.guidance).toContain('Guidance for TEST');
    expect(output.status).toBe(expected.status);
  });
});
