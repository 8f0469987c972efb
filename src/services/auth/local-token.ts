import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { makePrivateDir, tightenToOwner } from '../../core/private-files.js';
import { validateTenantName, type TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from './tokens.js';

/*
 * The token the local user's own programs (`orchestra mcp`, the dashboard) use for the daemon's HTTP
 * port (issue 12). The file is as private as the store it unlocks (0600 in a 0700 folder), so it
 * gives nobody more than owning ORCHESTRA_HOME already does.
 */

/** The name of the local admin token of each tenant. */
export const localTokenName = 'local';

/** `<home>/daemon/tokens/<tenant>`: the file holding the tenant's local token. */
export function localTokenPath(home: string, tenant: string): string {
  return join(home, 'daemon', 'tokens', validateTenantName(tenant));
}

/**
 * The token in the tenant's file when it still authenticates; else a new admin token named `local`
 * (after revoking the tenant's older live `local` token), written to the file atomically. Of two
 * processes creating one at once, the one whose name check fails reads the other's file again; a
 * token revoked by a racing process fails its next request, and the next call here makes a new one.
 */
export async function ensureLocalToken(store: Store, home: string, scope: TenantScope, user: string, now: number): Promise<string> {
  const file = localTokenPath(home, scope.tenant);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const existing = await readTokenFile(file);
    const caller = existing === undefined ? undefined : await authenticateToken(store, existing, now);
    if (existing !== undefined && caller?.scope.tenant === scope.tenant) return existing;
    const stale = (await listApiTokens(store, scope)).find((token) => token.name === localTokenName);
    if (stale) await revokeApiToken(store, scope, stale.id, now);
    const made = await createApiToken(store, scope, { name: localTokenName, user, access: 'admin' }, now).catch((error: unknown) => {
      if (error instanceof OrchestraError && error.code === ErrorCode.USAGE) return undefined;
      throw error;
    });
    if (made) {
      await writeTokenFile(file, made.token);
      return made.token;
    }
  }
  throw new OrchestraError(ErrorCode.STORE, `cannot settle the local token of tenant "${scope.tenant}": other processes keep replacing it`, {
    hint: `Try again; ${file} holds the token once one process has written it.`,
  });
}

async function readTokenFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeTokenFile(file: string, token: string): Promise<void> {
  const dir = dirname(file);
  // A tokens folder made before, under a loose umask, is tightened: the file alone is not enough.
  if ((await makePrivateDir(dir)) === undefined) await tightenToOwner(dir);
  await writeFileAtomic(file, `${token}\n`, { mode: 0o600 });
}
