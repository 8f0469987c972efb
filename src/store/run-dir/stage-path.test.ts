import { describe, expect, it } from 'vitest';
import type { StageScope } from './stage-path.js';
import { stagePath, validatePathSegment } from './stage-path.js';

describe('stagePath', () => {
  it.each<[string, StageScope | undefined, string]>([
    ['plan', undefined, '/runs/r1/plan'],
    ['plan', {}, '/runs/r1/plan'],
    ['plan', { restart: 0 }, '/runs/r1/plan'],
    ['plan', { restart: 2 }, '/runs/r1/restart-2/plan'],
    ['my node', undefined, '/runs/r1/my node'],
  ])('decision 9: node %s with %j → %s', (nodeId, scope, expected) => {
    expect(stagePath('/runs/r1', nodeId, scope)).toBe(expected);
  });

  it.each<[string, StageScope, string, string]>([
    ['../x', {}, 'E_USAGE', 'node id "../x" cannot name a file in the run directory: it contains "/", "\\" or a NUL character'],
    ['..', {}, 'E_USAGE', 'node id ".." cannot name a file in the run directory: ".." refers to a directory'],
    ['', {}, 'E_USAGE', 'node id "" cannot name a file in the run directory: it is empty'],
    ['n', { restart: -1 }, 'E_INTERNAL', 'restart count -1 is not a whole number from 0'],
    ['n', { restart: 1.5 }, 'E_INTERNAL', 'restart count 1.5 is not a whole number from 0'],
  ])('rejects node %j with %j', (nodeId, scope, code, message) => {
    expect(() => stagePath('/runs/r1', nodeId, scope)).toThrow(expect.objectContaining({ code, message }));
  });

  it('accepts ordinary ids unchanged', () => {
    expect(validatePathSegment('artifact id', 'report-1.v2')).toBe('report-1.v2');
  });
});
