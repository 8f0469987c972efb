import type { TenantScope } from '../../core/tenant-scope.js';
import { authenticateLocal } from '../../services/auth/index.js';
import type { Store } from '../../store/store.js';
import type { CommandContext } from '../command-context.js';
import { openCliStore } from '../store-location.js';

/** The options every `token` command takes besides its own. */
export interface TokenCommandOptions {
  tenant?: string;
  json?: boolean;
}

/**
 * Runs `work` on the user's store as the local user authenticated for `--tenant` (else
 * ORCHESTRA_TENANT, else `default`): the local user owns the store, so manages every tenant's tokens.
 */
export async function withTokenStore<T>(ctx: CommandContext, options: TokenCommandOptions, work: (store: Store, scope: TenantScope) => Promise<T>): Promise<T> {
  const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
  const { store } = await openCliStore(ctx.io.env);
  try {
    return await work(store, scope);
  } finally {
    await store.close();
  }
}
