import { describe, expect, it } from 'vitest';
import type { StageScope } from './stage-path.js';
import { stagePath, validatePathSegment } from './stage-path.js';

describe('stagePath', () => {
  it.each<[string, StageScope | undefined, string]>([
    ['plan', undefined, '/runs/r1/plan'],
    ['plan', {}, '/runs/r1/plan'],
    ['plan', { restart: 0 }, '/runs/r1/plan'],
    ['plan', { restart: 2 }, '/runs/r1/restart-2/plan'],
    ['review', { branch: ['fan', 'b1'] }, '/runs/r1/fan/branches/b1/review'],
    ['lint', { branch: ['fan', 'b1', 'inner', 'b2'] }, '/runs/r1/fan/branches/b1/inner/branches/b2/lint'],
    ['review', { restart: 1, branch: ['fan', 'b1'] }, '/runs/r1/restart-1/fan/branches/b1/review'],
    ['my node', undefined, '/runs/r1/my node'],
  ])('decision 9 / 6: node %s with %j → %s', (nodeId, scope, expected) => {
    expect(stagePath('/runs/r1', nodeId, scope)).toBe(expected);
  });

  it.each<[string, StageScope, string, string]>([
    ['../x', {}, 'E_USAGE', 'node id "../x" cannot name a file in the run directory: it contains "/", "\\" or a NUL character'],
    ['..', {}, 'E_USAGE', 'node id ".." cannot name a file in the run directory: ".." refers to a directory'],
    ['', {}, 'E_USAGE', 'node id "" cannot name a file in the run directory: it is empty'],
    ['n', { branch: ['fan'] }, 'E_INTERNAL', 'branch path ["fan"] is not a list of [parallel node, branch id] pairs'],
    ['n', { branch: ['fan', 'a/b'] }, 'E_USAGE', 'branch id "a/b" cannot name a file in the run directory: it contains "/", "\\" or a NUL character'],
    ['n', { restart: -1 }, 'E_INTERNAL', 'restart count -1 is not a whole number from 0'],
    ['n', { restart: 1.5 }, 'E_INTERNAL', 'restart count 1.5 is not a whole number from 0'],
  ])('rejects node %j with %j', (nodeId, scope, code, message) => {
    expect(() => stagePath('/runs/r1', nodeId, scope)).toThrow(expect.objectContaining({ code, message }));
  });

  it('accepts ordinary ids unchanged', () => {
    expect(validatePathSegment('artifact id', 'report-1.v2')).toBe('report-1.v2');
  });
});
