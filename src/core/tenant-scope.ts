import { ErrorCode, OrchestraError } from './errors.js';

/*
 * Tenancy by types (ARCHITECTURE.md, issue 10). Every store query for a tenant-owned object takes a
 * TenantScope first. Its brand is a module-private symbol: no other module can write an object
 * literal of this type, and a forged one (a cast, or JSON from outside) fails `assertTenantScope`
 * at run time because it lacks the symbol. Only src/services/auth may call `mintTenantScope`
 * (an eslint no-restricted-imports rule holds that), so a scope always means "someone
 * authenticated this caller for this tenant".
 */

const tenantBrand: unique symbol = Symbol('orchestra.TenantScope');

/** Proof that the caller was authenticated for `tenant`. Made only by src/services/auth. */
export interface TenantScope {
  readonly tenant: string;
  readonly [tenantBrand]: true;
}

/** The tenant the local CLI acts in unless `--tenant` or ORCHESTRA_TENANT names another. */
export const defaultTenant = 'default';

const tenantPattern = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Throws E_USAGE unless `tenant` is a tenant name: lowercase letters, digits, `-` and `_`, 63 at most. */
export function validateTenantName(tenant: string): string {
  if (tenantPattern.test(tenant)) return tenant;
  throw new OrchestraError(ErrorCode.USAGE, `Expected a tenant name (lowercase letters, digits, - and _), got ${JSON.stringify(tenant)}`, {
    hint: `Use --tenant NAME or ORCHESTRA_TENANT=NAME, e.g. "${defaultTenant}".`,
  });
}

/**
 * What a command printed for a person must add to reach an object of `tenant`: nothing in the
 * default tenant, else ` --tenant NAME` (a hint without it would answer "not found").
 */
export function tenantFlagFor(tenant: string): string {
  return tenant === defaultTenant ? '' : ` --tenant ${tenant}`;
}

/**
 * Makes a scope. Restricted to src/services/auth by eslint: everything else receives scopes.
 * @internal
 */
export function mintTenantScope(tenant: string): TenantScope {
  return Object.freeze({ tenant: validateTenantName(tenant), [tenantBrand]: true as const });
}

/** Whether `value` is a scope minted by `mintTenantScope` (not a cast or a parsed object). */
export function isTenantScope(value: unknown): value is TenantScope {
  return typeof value === 'object' && value !== null && (value as Partial<TenantScope>)[tenantBrand] === true;
}

/** Stores call this first: a missing or forged scope is a bug in the caller, and nothing is read. */
export function assertTenantScope(value: unknown): asserts value is TenantScope {
  if (isTenantScope(value)) return;
  throw new OrchestraError(ErrorCode.INTERNAL, 'a store query for tenant-owned data came without a TenantScope', {
    hint: 'This is a bug: scopes come only from src/services/auth (docs/tenancy.md).',
  });
}

/** The scope's tenant, after checking the scope is real: what stores key their rows by. */
export function tenantOf(scope: TenantScope): string {
  assertTenantScope(scope);
  return scope.tenant;
}
