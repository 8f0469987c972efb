import { describe, expect, it } from 'vitest';
import { mintTenantScope, type TenantScope } from '../core/tenant-scope.js';
import { createMemoryStore } from './memory/memory-store.js';
import type { Store } from './store.js';

/*
 * Type tests: `tsc --noEmit` (npm test's typecheck) compiles this file, and each @ts-expect-error
 * fails the build if the line below it ever compiles. They show that a human-task query cannot be
 * written without a TenantScope, and that nothing but a minted scope is one.
 */
export function queriesWithoutAScopeDoNotCompile(store: Store, scope: TenantScope): void {
  // @ts-expect-error a query without a scope does not compile
  void store.getHumanTask('h1');
  // @ts-expect-error an object with a tenant is not a scope: the brand is a module-private symbol
  void store.listHumanTasks({ tenant: 'acme' });
  // @ts-expect-error a tenant name is not a scope either
  void store.takeHumanTaskAnswer('acme', 'h1', 0);
  // @ts-expect-error nor is an id where the scope goes
  void store.updateHumanTask('h1', 'h1', () => ({}));
  // With the scope it compiles.
  void store.getHumanTask(scope, 'h1');
}

describe('TenantScope', () => {
  it('issue 10: a scope cast from a plain object is refused at run time too', async () => {
    const store = createMemoryStore();
    await expect(store.getHumanTask({ tenant: 'acme' } as unknown as TenantScope, 'h1')).rejects.toMatchObject({ code: 'E_INTERNAL' });
    await expect(store.getHumanTask(JSON.parse(JSON.stringify(mintTenantScope('acme'))) as TenantScope, 'h1')).rejects.toMatchObject({ code: 'E_INTERNAL' });
    expect(await store.getHumanTask(mintTenantScope('acme'), 'h1')).toBeUndefined();
  });

  it.each([
    ['default', true],
    ['acme-corp_2', true],
    ['Acme', false],
    ['', false],
    ['-lead', false],
    ['a'.repeat(64), false],
    ['../etc', false],
  ])('issue 10: tenant name %j is valid: %s', (name, valid) => {
    if (valid) expect(mintTenantScope(name).tenant).toBe(name);
    else expect(() => mintTenantScope(name)).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});
