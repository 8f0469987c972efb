import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, attributesFor, closestAttributeName, findAttribute } from './catalog.js';

describe('attribute catalog', () => {
  it.each([
    ['graph', 'goal', 'goal'],
    ['graph', 'default_max_retries', 'default_max_retries'],
    ['graph', 'default_max_retry', 'default_max_retries'],
    ['graph', 'working_directory', 'working_directory'],
    ['graph', 'default_thread_id', 'default_thread_id'],
    ['graph', 'default_retry_on_fail', 'default_retry_on_fail'],
    ['graph', 'llm_model', 'llm_model'],
    ['graph', 'tool_hooks.pre', 'tool_hooks.pre'],
    ['graph', 'rankdir', 'rankdir'],
    ['node', 'retry_on_fail', 'retry_on_fail'],
    ['node', 'human.timeout', 'human.timeout'],
    ['node', 'human.default_choice', 'human.default_choice'],
    ['node', 'retry_policy', 'retry_policy'],
    ['node', 'manager.poll_interval', 'manager.poll_interval'],
    ['node', 'stack.child_autostart', 'stack.child_autostart'],
    ['node', 'tool_command', 'tool_command'],
    ['node', 'join_policy', 'join_policy'],
    ['node', 'fillcolor', 'fillcolor'],
    ['edge', 'condition', 'condition'],
    ['edge', 'loop_restart', 'loop_restart'],
    ['edge', 'arrowhead', 'arrowhead'],
  ] as const)('finds %s attribute %s', (scope, name, canonical) => {
    expect(findAttribute(scope, name)?.name).toBe(canonical);
  });

  it.each([
    ['graph', 'tool_command'],
    ['graph', 'condition'],
    ['node', 'goal'],
    ['node', 'condition'],
    ['node', 'score'],
    ['edge', 'prompt'],
    ['edge', 'default_max_retry'],
    ['node', 'constructor'],
  ] as const)('does not know %s attribute %s', (scope, name) => {
    expect(findAttribute(scope, name)).toBeUndefined();
  });

  it('decision 15: default_max_retry is an alias of default_max_retries, which defaults to 0', () => {
    const spec = findAttribute('graph', 'default_max_retry');
    expect(spec).toBe(findAttribute('graph', 'default_max_retries'));
    expect(spec).toMatchObject({ name: 'default_max_retries', default: 0 });
  });

  it('types and defaults attributes per the spec and the decisions', () => {
    expect(findAttribute('graph', 'default_max_retries')).toMatchObject({ type: { kind: 'integer' }, default: 0, aliases: ['default_max_retry'] });
    expect(findAttribute('node', 'retry_on_fail')).toMatchObject({ type: { kind: 'boolean' } });
    expect(findAttribute('graph', 'working_directory')).toMatchObject({ type: { kind: 'string' }, default: '.' });
    expect(findAttribute('node', 'retry_policy')?.type).toEqual({ kind: 'enum', values: ['none', 'standard', 'aggressive', 'linear', 'patient'] });
    expect(findAttribute('node', 'human.timeout')).toMatchObject({ type: { kind: 'duration' }, handlers: ['wait.human'] });
    expect(findAttribute('node', 'timeout')).toMatchObject({ type: { kind: 'duration' }, handlers: 'all' });
    expect(findAttribute('node', 'max_parallel')).toMatchObject({ type: { kind: 'integer' }, default: 4, handlers: ['parallel'] });
    expect(findAttribute('node', 'manager.poll_interval')).toMatchObject({ default: '45s', handlers: ['stack.manager_loop'] });
    expect(findAttribute('edge', 'fidelity')?.type).toEqual({ kind: 'enum', values: ['full', 'truncate', 'compact', 'summary:low', 'summary:medium', 'summary:high'] });
    expect(findAttribute('node', 'color')).toMatchObject({ display: true });
    expect(findAttribute('node', 'prompt')?.display).toBeUndefined();
  });

  it('has one entry per name and scope, and every entry is described', () => {
    const seen = new Set<string>();
    for (const spec of ATTRIBUTES) {
      expect(spec.description.length, spec.name).toBeGreaterThan(3);
      expect(spec.appliesTo.length, spec.name).toBeGreaterThan(0);
      for (const scope of spec.appliesTo) {
        for (const name of [spec.name, ...(spec.aliases ?? [])]) {
          expect(seen.has(`${scope}:${name}`), `${scope}:${name}`).toBe(false);
          seen.add(`${scope}:${name}`);
        }
      }
    }
  });

  it('lists the attributes of a scope in catalog order', () => {
    const edgeNames = attributesFor('edge').map((spec) => spec.name);
    expect(edgeNames.slice(0, 6)).toEqual(['label', 'condition', 'weight', 'fidelity', 'thread_id', 'loop_restart']);
  });
});

describe('decision 29: closestAttributeName', () => {
  it.each([
    ['node', 'max_retry', 'max_retries'],
    ['node', 'promt', 'prompt'],
    ['node', 'lable', 'label'],
    ['node', 'Label', 'label'],
    ['node', 'tool_comand', 'tool_command'],
    ['node', 'human.default_choise', 'human.default_choice'],
    ['node', 'goalgate', 'goal_gate'],
    ['graph', 'default_max_retrys', 'default_max_retries'],
    ['graph', 'default_max_retr', 'default_max_retries'],
    ['edge', 'conditon', 'condition'],
    ['edge', 'wieght', 'weight'],
  ] as const)('%s %s → %s', (scope, name, expected) => {
    expect(closestAttributeName(scope, name)).toBe(expected);
  });

  it.each([
    ['node', 'completely_different'],
    ['node', 'xyz'],
    ['node', 'label'],
    ['edge', 'prompt'],
  ] as const)('%s %s → nothing', (scope, name) => {
    expect(closestAttributeName(scope, name)).toBeUndefined();
  });
});
