import { describe, expect, it } from 'vitest';
import { OrchestraError } from '../../core/errors.js';
import { buildGraph, type PlainAttrs } from '../testing/build-graph.js';
import { defaultBackoff, RetryPresets } from './backoff.js';
import { resolveRetryPolicy } from './retry-policy.js';

function policy(nodeAttrs: PlainAttrs, graphAttrs: PlainAttrs = {}) {
  const graph = buildGraph({ attrs: graphAttrs, nodes: { n: nodeAttrs } });
  return resolveRetryPolicy(graph.nodes.get('n')!, graph);
}

describe('resolveRetryPolicy', () => {
  it.each<[string, PlainAttrs, PlainAttrs, number]>([
    ['default is one attempt (decision 15: default_max_retries = 0)', {}, {}, 1],
    ['node max_retries', { max_retries: 2 }, {}, 3],
    ['graph default_max_retries', {}, { default_max_retries: 4 }, 5],
    ['decision 15: default_max_retry alias', {}, { default_max_retry: 3 }, 4],
    ['default_max_retries beats the alias', {}, { default_max_retries: 1, default_max_retry: 50 }, 2],
    ['node beats graph', { max_retries: 0 }, { default_max_retries: 4 }, 1],
    ['preset gives attempts', { retry_policy: 'standard' }, { default_max_retries: 1 }, 5],
    ['max_retries beats the preset', { retry_policy: 'patient', max_retries: 1 }, {}, 2],
    ['preset none', { retry_policy: 'none' }, { default_max_retries: 3 }, 1],
    ['negative max_retries is one attempt', { max_retries: -2 }, {}, 1],
  ])('%s', (_name, nodeAttrs, graphAttrs, attempts) => {
    expect(policy(nodeAttrs, graphAttrs).maxAttempts).toBe(attempts);
  });

  it('uses the preset backoff, else the default', () => {
    expect(policy({ retry_policy: 'patient' }).backoff).toEqual(RetryPresets.patient.backoff);
    expect(policy({ max_retries: 3 }).backoff).toEqual(defaultBackoff);
  });

  it.each<[string, PlainAttrs, PlainAttrs, boolean]>([
    ['decision 1: FAIL is not retried by default', {}, {}, false],
    ['decision 1: node retry_on_fail opts in', { retry_on_fail: true }, {}, true],
    ['decision 1: graph default_retry_on_fail', {}, { default_retry_on_fail: true }, true],
    ['decision 1: node retry_on_fail=false beats the graph default', { retry_on_fail: false }, { default_retry_on_fail: true }, false],
    ['decision 1: "true" as a string', { retry_on_fail: 'true' }, {}, true],
    ['issue 9: an explicit max_retries retries FAIL (§11.5)', { max_retries: 2 }, {}, true],
    ['issue 9: default_max_retries alone does not retry FAIL', {}, { default_max_retries: 2 }, false],
  ])('%s', (_name, nodeAttrs, graphAttrs, expected) => {
    expect(policy(nodeAttrs, graphAttrs).retryOnFail).toBe(expected);
  });

  it.each<[PlainAttrs, boolean]>([
    [{}, false],
    [{ allow_partial: true }, true],
  ])('allow_partial %j → %s', (nodeAttrs, expected) => {
    expect(policy(nodeAttrs).allowPartial).toBe(expected);
  });

  it('rejects an unknown preset naming node and value', () => {
    let error: unknown;
    try {
      policy({ retry_policy: 'forever' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OrchestraError);
    expect(error).toMatchObject({
      code: 'E_ATTRIBUTE_TYPE',
      message: 'Node "n" has retry_policy="forever", which is not a retry preset.',
      hint: 'Use one of: none, standard, aggressive, linear, patient.',
    });
  });
});
