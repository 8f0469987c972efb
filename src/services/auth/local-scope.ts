import { defaultTenant, mintTenantScope, type TenantScope } from '../../core/tenant-scope.js';

/*
 * The one place TenantScopes are made (eslint forbids mintTenantScope anywhere else but tests).
 * Two ways to authenticate: being the local user of the machine, who owns the store file and may
 * act in any tenant of it (here), and a bearer token of the HTTP API and MCP (tokens.ts).
 */

/** Where the tenant of a local caller came from: `--tenant`, then ORCHESTRA_TENANT, else `default`. */
export interface LocalTenantChoice {
  flag?: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The tenant named by `--tenant`, else ORCHESTRA_TENANT, else `default`. */
export function resolveLocalTenant(choice: LocalTenantChoice): string {
  const fromEnv = choice.env.ORCHESTRA_TENANT;
  return choice.flag ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultTenant);
}

/** Authenticates the local user (the CLI, the daemon's socket) for the tenant they chose. */
export function authenticateLocal(choice: LocalTenantChoice): TenantScope {
  return mintTenantScope(resolveLocalTenant(choice));
}

/**
 * A scope for work the system does on a row that already carries its tenant (an SLA timer firing,
 * a gate resuming): the row was written under an authenticated scope, so acting on it is too.
 */
export function systemScopeFor(storedTenant: string): TenantScope {
  return mintTenantScope(storedTenant);
}
