import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { allows, defineOperation, type Access, type OperationCalls } from './operation.js';

const echo = defineOperation({
  name: 'test.echo',
  summary: 'Echo',
  description: 'Returns its text.',
  access: 'read',
  input: z.object({ text: z.string(), times: z.number().int().default(1) }),
  output: z.object({ text: z.string() }),
  http: { method: 'post', path: '/echo' },
  mcp: 'echo',
  handle: async (_deps, _caller, input) => ({ text: input.text.repeat(input.times) }),
});

describe('operations', () => {
  it.each<[Access, Access, boolean]>([
    ['read', 'read', true],
    ['read', 'write', false],
    ['write', 'read', true],
    ['write', 'admin', false],
    ['admin', 'write', true],
  ])('issue 12: a %s token may run a %s operation: %s', (granted, needed, expected) => {
    expect(allows(granted, needed)).toBe(expected);
  });

  it('issue 12: the typed call of an operation takes its input (defaults optional) and returns its output', () => {
    type Calls = OperationCalls<readonly [typeof echo]>;
    expectTypeOf<Parameters<Calls['test.echo']>[0]>().toEqualTypeOf<{ text: string; times?: number }>();
    expectTypeOf<Awaited<ReturnType<Calls['test.echo']>>>().toEqualTypeOf<{ text: string }>();
    expect(echo.name).toBe('test.echo');
  });
});
