import * as rpc from 'vscode-jsonrpc/node.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { ORCHESTRA_RPC_ERROR, formatParamPath, fromResponseError, paramsError, toResponseError, unknownMethodError } from './errors.js';

describe('formatParamPath', () => {
  it.each([
    [[], 'params'],
    [['ref'], 'params.ref'],
    [['task', 'ref'], 'params.task.ref'],
    [['items', 2, 'name'], 'params.items[2].name'],
  ])('%j → %s', (path, expected) => {
    expect(formatParamPath(path)).toBe(expected);
  });
});

describe('toResponseError / fromResponseError', () => {
  it('round-trips an OrchestraError without its stack', () => {
    const original = new OrchestraError(ErrorCode.MERGE_CONFLICT, 'merging task 3 conflicts in a.ts', { hint: 'Resolve it in the worktree.' });
    const wire = toResponseError(original);
    expect(wire.code).toBe(ORCHESTRA_RPC_ERROR);
    expect(JSON.stringify(wire.toJson())).not.toContain('at ');
    const back = fromResponseError(new rpc.ResponseError(wire.code, wire.message, wire.data), 'task.merge');
    expect([back.code, back.message, back.hint]).toEqual(['E_MERGE_CONFLICT', 'merging task 3 conflicts in a.ts', 'Resolve it in the worktree.']);
  });

  it('makes any other thrown value E_INTERNAL, keeping the message', () => {
    expect(toResponseError(new RangeError('bad length')).data).toEqual({ code: 'E_INTERNAL' });
    expect(toResponseError('a string').message).toBe('a string');
  });

  it.each([
    ['a JSON-RPC error of another code', new rpc.ResponseError(-32601, 'Unhandled method x')],
    ['our code with a foreign error code in data', new rpc.ResponseError(ORCHESTRA_RPC_ERROR, 'boom', { code: 'E_NOPE' })],
    ['a plain Error', new Error('write EPIPE')],
  ])('reports %s as E_DAEMON naming the method', (_name, error) => {
    const back = fromResponseError(error, 'task.start');
    expect(back.code).toBe('E_DAEMON');
    expect(back.message).toMatch(/^daemon call task\.start failed: /);
  });
});

describe('paramsError', () => {
  it('lists every problem with its field path', () => {
    const result = z.object({ ref: z.string(), size: z.object({ cols: z.number() }) }).safeParse({ ref: 1, size: { cols: 'x' } });
    if (result.success) throw new Error('expected a failure');
    const error = paramsError('task.resize', result.error);
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe('task.resize: params.ref: expected string, received number; params.size.cols: expected number, received string');
  });
});

describe('unknownMethodError', () => {
  it('suggests the closest method only when one is close', () => {
    expect(unknownMethodError('task.strat', ['task.start', 'task.stop']).message).toBe('unknown daemon method "task.strat". Did you mean "task.start"?');
    expect(unknownMethodError('zzz', ['task.start']).message).toBe('unknown daemon method "zzz".');
  });
});
