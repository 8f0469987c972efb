import { loadConfig } from '../../config/index.js';
import { resolveActor } from '../../humans/people/resolve-actor.js';
import { authenticateLocal } from '../../services/auth/local-scope.js';
import type { HumanTaskServiceContext } from '../../services/human-tasks/context.js';
import { cliNotifier } from '../cli-notifier.js';
import { actingIdentity } from '../acting-identity.js';
import type { CommandContext } from '../command-context.js';
import { openCliStore } from '../store-location.js';
import type { Store } from '../../store/store.js';

/** `--tenant`, shared by every human-task command. */
export interface TenantOption {
  tenant?: string;
}

/**
 * The service context for a human-task command: the local user authenticated for `--tenant`
 * (else ORCHESTRA_TENANT, else `default`), acting as ORCHESTRA_USER (else git's user.email) as
 * `people:` in the project's orchestra.yaml knows them, on the user's store. The caller closes it.
 */
export interface CliHumanTaskContext extends HumanTaskServiceContext {
  /** The whole store: `inbox show` names the workflow a task comes from (issue 11). */
  store: Store;
  /** The orchestra.yaml whose `people:` were used; undefined when none was found from the cwd. */
  configFile: string | undefined;
  close(): Promise<void>;
}

export async function openHumanTaskContext(ctx: CommandContext, options: TenantOption): Promise<CliHumanTaskContext> {
  const { io } = ctx;
  const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env: io.env });
  const { config, file } = await loadConfig({ startDir: io.cwd, env: io.env });
  const actor = resolveActor(config.people, await actingIdentity(ctx));
  const { store } = await openCliStore(io.env);
  // Notices go into the outbox with the change; the daemon's delivery loop sends them.
  const notices = cliNotifier(io, store, config);
  return { store, scope, actor, people: config.people, now: () => Date.now(), notices, configFile: file, close: () => store.close() };
}

/** Runs `work` with a human-task context and closes the store after it, also when it throws. */
export async function withHumanTasks<T>(ctx: CommandContext, options: TenantOption, work: (service: CliHumanTaskContext) => Promise<T>): Promise<T> {
  const service = await openHumanTaskContext(ctx, options);
  try {
    return await work(service);
  } finally {
    await service.close();
  }
}
