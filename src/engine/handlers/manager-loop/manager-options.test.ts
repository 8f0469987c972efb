import { describe, expect, it } from 'vitest';
import { buildNode, type PlainAttrs } from '../../testing/build-graph.js';
import { resolveManagerOptions } from './manager-options.js';

function resolve(attrs: PlainAttrs) {
  const options = resolveManagerOptions(buildNode('m', { shape: 'house', ...attrs }));
  return { ...options, actions: [...options.actions], stopCondition: options.stopCondition !== undefined };
}

function thrown(attrs: PlainAttrs): unknown {
  try {
    resolveManagerOptions(buildNode('m', attrs));
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('decision 20: resolveManagerOptions', () => {
  it('fills the spec defaults', () => {
    expect(resolve({})).toEqual({ pollIntervalMs: 45_000, maxCycles: 1000, stopCondition: false, stopConditionText: '', actions: ['observe', 'wait'], autostart: true });
  });

  it.each<[string, PlainAttrs, Partial<ReturnType<typeof resolve>>]>([
    ['poll interval as a duration', { 'manager.poll_interval': '2s' }, { pollIntervalMs: 2000 }],
    ['poll interval in seconds', { 'manager.poll_interval': 5 }, { pollIntervalMs: 5000 }],
    ['max cycles', { 'manager.max_cycles': 3 }, { maxCycles: 3 }],
    ['stop condition', { 'manager.stop_condition': 'context.stack.child.completed_count=3' }, { stopCondition: true, stopConditionText: 'context.stack.child.completed_count=3' }],
    ['actions with spaces', { 'manager.actions': 'observe, steer ,wait' }, { actions: ['observe', 'steer', 'wait'] }],
    ['autostart off', { 'stack.child_autostart': 'false' }, { autostart: false }],
  ])('reads %s', (_name, attrs, expected) => {
    expect(resolve(attrs)).toMatchObject(expected);
  });

  it.each<[string, PlainAttrs, string, string]>([
    ['an unknown action', { 'manager.actions': 'observe,nap' }, 'E_ATTRIBUTE_TYPE', 'Attribute "manager.actions" of node "m" names the unknown action "nap".'],
    ['max cycles below 1', { 'manager.max_cycles': 0 }, 'E_ATTRIBUTE_TYPE', 'Attribute "manager.max_cycles" of node "m" must be at least 1, found 0.'],
    ['a poll interval that is not a duration', { 'manager.poll_interval': 'often' }, 'E_ATTRIBUTE_TYPE', 'Attribute "manager.poll_interval" of node "m" (<test>:1:1) must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "often".'],
  ])('rejects %s', (_name, attrs, code, message) => {
    expect(thrown(attrs)).toMatchObject({ name: 'OrchestraError', code, message });
  });

  it('rejects a stop condition that does not parse', () => {
    expect(thrown({ 'manager.stop_condition': 'a || b' })).toMatchObject({ name: 'OrchestraError', code: 'E_CONDITION_SYNTAX' });
  });
});
