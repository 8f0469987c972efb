import { describe, expect, it } from 'vitest';
import type { GuidedHistoryEntry } from '../../store/guided-types.js';
import { reconcile, reconcileByRules, type ReconcileAction } from './reconcile.js';
import type { StepDecider } from './step-decider.js';
import { refactorDefinition } from './guided-fixtures.case.js';

const definition = refactorDefinition();
const done = (step: string): GuidedHistoryEntry => ({ seq: 1, step, report: { step_id: step, status: 'success' }, contextUpdates: {}, at: 1 });

describe('reconcileByRules', () => {
  it.each<[string, string, string, GuidedHistoryEntry[], { step_id: string; status: string } | undefined, ReconcileAction, string | undefined]>([
    ['the next step with a success report for the recorded one: continue', 'PLAN', 'TEST', [], { step_id: 'PLAN', status: 'success' }, 'continue', 'TEST'],
    ['the next step with a failure report: a person decides', 'PLAN', 'TEST', [], { step_id: 'PLAN', status: 'failure' }, 'ask-person', undefined],
    ['the next step without a report: a person decides', 'PLAN', 'TEST', [], undefined, 'ask-person', undefined],
    ['a step done earlier: roll back to the record', 'REVIEW', 'PLAN', [done('PLAN'), done('TEST')], undefined, 'rollback', 'REVIEW'],
    ['a step further ahead: a person decides', 'PLAN', 'REVIEW', [], { step_id: 'PLAN', status: 'success' }, 'ask-person', undefined],
    ['a step the workflow lacks: a person decides', 'PLAN', 'DEPLOY', [], undefined, 'ask-person', undefined],
  ])('issue 13: %s', (_name, recorded, assumed, history, report, action, step) => {
    const result = reconcileByRules({ definition, recorded, assumed, history, context: {}, ...(report && { report }) });
    expect(result).toMatchObject({ action, by: 'rules', recordReport: action === 'continue' });
    expect(result.step).toBe(step);
    expect(result.reason).toContain(assumed);
  });
});

function stub(answer: Awaited<ReturnType<StepDecider['decide']>> | Error): StepDecider {
  return { label: 'stub', decide: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)) };
}

describe('reconcile with a model', () => {
  const question = { definition, recorded: 'PLAN', assumed: 'REVIEW', history: [], context: {}, report: { step_id: 'PLAN', status: 'success' } };
  it.each<[string, StepDecider, ReconcileAction, string | undefined, string | undefined]>([
    ['the agent\'s step: continue', stub({ next_step: 'REVIEW', context_updates: {}, reason: 'tests exist' }), 'continue', 'REVIEW', undefined],
    ['the recorded step: roll back', stub({ next_step: 'PLAN', context_updates: {}, reason: 'redo' }), 'rollback', 'PLAN', undefined],
    ['another step: move', stub({ next_step: 'TEST', context_updates: {}, reason: 'tests first' }), 'move', 'TEST', undefined],
    ['ASK_PERSON', stub({ next_step: 'ASK_PERSON', context_updates: {}, reason: 'unclear' }), 'ask-person', undefined, undefined],
    ['a missing step: the rules, saying why', stub({ next_step: 'DEPLOY', context_updates: {}, reason: '?' }), 'ask-person', undefined, 'the model named step "DEPLOY", which workflow REFACTOR does not have'],
    ['a failure: the rules, saying why', stub(new Error('HTTP 500')), 'ask-person', undefined, 'the model failed: HTTP 500'],
  ])('issue 13: %s', async (_name, decider, action, step, fallback) => {
    const { reconciliation, output } = await reconcile(question, decider);
    expect(reconciliation.action).toBe(action);
    expect(reconciliation.step).toBe(step);
    expect(reconciliation.fallback).toBe(fallback);
    expect(reconciliation.by).toBe(fallback === undefined ? 'model' : 'rules');
    expect(output.action).toBe(action);
  });
});
