import { loadConfig } from '../../config/index.js';
import { resolveActor } from '../../humans/people/resolve-actor.js';
import type { Store } from '../../store/store.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { createOutboxNotifier } from '../notifications/index.js';
import type { HumanTaskServiceContext } from './context.js';

export interface LocalHumanTaskOptions {
  /** The store the tasks live in (`openSqliteStore(...)`, the CLI's `$ORCHESTRA_HOME/orchestra.db`). */
  store: Store;
  /** Who acts: a user id of `people.users` or their e-mail (what ORCHESTRA_USER is to the CLI). */
  user: string;
  /** The tenant, as `--tenant` is to the CLI; else `env.ORCHESTRA_TENANT`, else `default`. */
  tenant?: string;
  /** Where orchestra.yaml (its `people:` and `notifications:`) is looked up from; default the cwd. */
  dir?: string;
  /** Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told when a change could not queue its notices (the change itself is kept). Default: process.emitWarning. */
  warn?: (message: string) => void;
}

/**
 * The human-task services' context for a program run by the local user (issue 10's public API):
 * what the CLI builds for `orchestra inbox`/`answer`. The local user owns the store and may act in
 * any of its tenants, exactly as with `--tenant`; the people and notification routes come from
 * orchestra.yaml, so eligibility and notices are the CLI's. Other callers (HTTP, MCP) authenticate
 * their own way and never come through here.
 */
export async function openLocalHumanTasks(options: LocalHumanTaskOptions): Promise<HumanTaskServiceContext> {
  const env = options.env ?? process.env;
  const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env });
  const { config } = await loadConfig({ startDir: options.dir ?? process.cwd(), env });
  const actor = resolveActor(config.people, { value: options.user, source: 'user' });
  const warn = options.warn ?? ((message: string) => process.emitWarning(message));
  const notices = createOutboxNotifier({ store: options.store, rules: config.notifications.routes, people: config.people, log: { warn } });
  return { store: options.store, scope, actor, people: config.people, now: () => Date.now(), notices };
}
