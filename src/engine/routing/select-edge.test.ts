import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/outcome.js';
import { buildEdge, type PlainAttrs } from '../testing/build-graph.js';
import { selectConditionalEdge, selectEdge } from './select-edge.js';

type EdgeSpec = [to: string, attrs?: PlainAttrs];

function select(edgeSpecs: EdgeSpec[], outcome: Outcome, context: Record<string, string> = {}) {
  const edges = edgeSpecs.map(([to, attrs]) => buildEdge('n', to, attrs));
  const choice = selectEdge(edges, outcome, (key) => context[key]);
  return choice && { to: choice.edge.to, reason: choice.reason };
}

const success: Outcome = { status: 'success' };
const fail: Outcome = { status: 'fail' };

describe('selectEdge', () => {
  it.each<[string, EdgeSpec[], Outcome, Record<string, string>, { to: string; reason: string } | undefined]>([
    ['no edges → none', [], success, {}, undefined],
    ['single unconditional edge', [['a']], success, {}, { to: 'a', reason: 'weight' }],
    ['condition beats weight', [['a', { weight: 10 }], ['b', { condition: 'outcome=success' }]], success, {}, { to: 'b', reason: 'condition' }],
    ['false condition is skipped', [['a'], ['b', { condition: 'outcome=fail' }]], success, {}, { to: 'a', reason: 'weight' }],
    ['matching conditions: highest weight', [['a', { condition: 'outcome=success', weight: 1 }], ['b', { condition: 'outcome=success', weight: 5 }]], success, {}, { to: 'b', reason: 'condition' }],
    ['matching conditions: tie → target id asc', [['z', { condition: 'outcome=success' }], ['m', { condition: 'outcome=success' }]], success, {}, { to: 'm', reason: 'condition' }],
    ['condition reads the context', [['a'], ['b', { condition: 'context.tests_passed=true' }]], success, { tests_passed: 'true' }, { to: 'b', reason: 'condition' }],
    ['preferred label with accelerator', [['a', { label: '[A] Approve' }], ['f', { label: '[F] Fix' }]], { status: 'success', preferredLabel: 'fix' }, {}, { to: 'f', reason: 'preferred_label' }],
    ['preferred label normalised both ways', [['a', { label: 'Y) Yes' }], ['n', { label: 'N - No' }]], { status: 'success', preferredLabel: '  [N] NO ' }, {}, { to: 'n', reason: 'preferred_label' }],
    ['preferred label ignores conditional edges', [['a', { label: 'Fix', condition: 'outcome=fail' }], ['b']], { status: 'success', preferredLabel: 'Fix' }, {}, { to: 'b', reason: 'weight' }],
    ['unmatched preferred label falls through to weight', [['a', { weight: 2 }], ['b', { label: 'Other' }]], { status: 'success', preferredLabel: 'Fix' }, {}, { to: 'a', reason: 'weight' }],
    ['suggested ids in order', [['a'], ['b'], ['c']], { status: 'success', suggestedNextIds: ['x', 'c', 'b'] }, {}, { to: 'c', reason: 'suggested_id' }],
    ['suggested id ignores conditional edges', [['a'], ['c', { condition: 'outcome=fail' }]], { status: 'success', suggestedNextIds: ['c'] }, {}, { to: 'a', reason: 'weight' }],
    ['preferred label beats suggested ids', [['a', { label: 'Go' }], ['b']], { status: 'success', preferredLabel: 'go', suggestedNextIds: ['b'] }, {}, { to: 'a', reason: 'preferred_label' }],
    ['weight among unconditional', [['a', { weight: 1 }], ['b', { weight: 3 }], ['c', { weight: 2 }]], success, {}, { to: 'b', reason: 'weight' }],
    ['equal weights → lexical', [['c'], ['a'], ['b']], success, {}, { to: 'a', reason: 'lexical' }],
    ['top weight tie → lexical', [['c', { weight: 2 }], ['b', { weight: 2 }], ['a', { weight: 1 }]], success, {}, { to: 'b', reason: 'lexical' }],
    ['only conditional edges, none true → none', [['a', { condition: 'outcome=fail' }]], success, {}, undefined],
    ['FAIL follows an unconditional edge (decision 3 is applied by routeFailure, not here)', [['a']], fail, {}, { to: 'a', reason: 'weight' }],
    ['empty condition counts as unconditional', [['a', { condition: '  ' }]], success, {}, { to: 'a', reason: 'weight' }],
  ])('%s', (_name, edges, outcome, context, expected) => {
    expect(select(edges, outcome, context)).toEqual(expected);
  });

  it('selectConditionalEdge ignores unconditional edges', () => {
    const edges = [buildEdge('n', 'a'), buildEdge('n', 'b', { condition: 'outcome=success' })];
    expect(selectConditionalEdge(edges, fail, () => undefined)).toBeUndefined();
    expect(selectConditionalEdge(edges, success, () => undefined)?.edge.to).toBe('b');
  });

  it('a malformed condition throws E_CONDITION_SYNTAX', () => {
    const edges = [buildEdge('n', 'a', { condition: 'outcome || fail' })];
    expect(() => selectEdge(edges, success, () => undefined)).toThrow(expect.objectContaining({ code: 'E_CONDITION_SYNTAX' }));
  });
});
