import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { systemClock } from '../../core/clock.js';
import { mintTenantScope } from '../../core/tenant-scope.js';
import { createMemoryStore } from '../../store/memory/index.js';
import type { ApiDeps } from './deps.js';
import type { ApiCaller, Operation } from './operation.js';
import { operations } from './operations.js';
import { tokenOperations } from './token-operations.js';
import { absentPorts } from './testing/absent-ports.js';

const t0 = 1_700_000_000_000;
const [list, create, revoke] = tokenOperations;

function setup() {
  const store = createMemoryStore();
  let now = t0;
  const deps: ApiDeps = { ...absentPorts(), store, clock: { ...systemClock, now: () => now++ }, home: '/nowhere', env: {}, log: { info: () => {}, warn: () => {}, error: () => {} }, projects: { list: () => [] } };
  const caller: ApiCaller = { scope: mintTenantScope('acme'), user: 'ada@example.com', access: 'admin' };
  /** Runs an operation as a way in does: input through its schema, output through its schema. */
  async function call<O extends Operation>(op: O, input: z.input<O['input']>): Promise<z.output<O['output']>> {
    const parsed: unknown = op.input.parse(input);
    return op.output.parse(await op.handle(deps, caller, parsed as never)) as z.output<O['output']>;
  }
  return { store, call };
}

describe('token operations', () => {
  it('issue 12: are in the API table, admin only; create is no MCP tool, list and revoke are', () => {
    expect(operations.filter((op) => op.name.startsWith('tokens.')).map((op) => [op.name, op.access, op.mcp, `${op.http.method} ${op.http.path}`])).toEqual([
      ['tokens.list', 'admin', 'token_list', 'get /tokens'],
      ['tokens.create', 'admin', false, 'post /tokens'],
      ['tokens.revoke', 'admin', 'token_revoke', 'delete /tokens/{id}'],
    ]);
    expect(revoke).toMatchObject({ destructive: true, idempotent: true });
  });

  it("issue 12: create returns the token once, acting as the caller's user with write access by default; no output holds the hash", async () => {
    const { call } = setup();
    const made = await call(create, { name: 'ci' });
    expect(made.token).toMatch(/^orc_/);
    expect(made.record).toMatchObject({ name: 'ci', user: 'ada@example.com', access: 'write', tenant: 'acme' });
    const listed = await call(list, {});
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(Object.keys(listed.items[0] ?? {}).sort()).toEqual(['access', 'createdAt', 'id', 'name', 'tenant', 'user']);
  });

  it('issue 12: create refuses a bad name or access by its schema, naming the field', () => {
    expect(create.input.safeParse({ name: 'Bad Name' }).error?.issues[0]?.path).toEqual(['name']);
    expect(create.input.safeParse({ name: 'ok', access: 'root' }).error?.issues[0]?.path).toEqual(['access']);
  });

  it('issue 12: list pages with a cursor, and revoke is idempotent', async () => {
    const { call } = setup();
    for (const name of ['a', 'b', 'c']) await call(create, { name, user: 'bob' });
    const first = await call(list, { limit: 2 });
    expect(first.items.map((token) => token.name)).toEqual(['c', 'b']);
    const second = await call(list, { limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'a' })] });
    await expect(call(list, { cursor: 'tok_gone' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('cursor:') });
    const id = second.items[0]?.id ?? '';
    expect(await call(revoke, { id })).toMatchObject({ revoked: true, record: { id, revokedAt: expect.any(Number) } });
    expect(await call(revoke, { id })).toMatchObject({ revoked: false });
    expect((await call(list, {})).items.map((token) => token.name)).toEqual(['c', 'b']);
    expect((await call(list, { includeRevoked: true })).items).toHaveLength(3);
    await expect(call(revoke, { id: 'nope' })).rejects.toMatchObject({ code: 'E_TOKEN_NOT_FOUND' });
  });
});
