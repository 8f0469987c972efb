import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { defaultNotifications, loadConfig, noPeople, type ResolvedPeople } from '../../config/index.js';
import type { ResolvedNotifications } from '../../config/notifications-types.js';
import { systemClock } from '../../core/clock.js';
import { createChannelSource, runDeliveryLoop } from '../../notify/index.js';
import { startSlaSweeper } from '../../services/human-tasks/index.js';
import { createOutboxNotifier } from '../../services/notifications/index.js';
import { workflowTimerHandlers } from '../../services/workflows/timer-handlers.js';
import { defaultDbPath, prepareOrchestraHome } from '../../store/home.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { DaemonLog } from '../daemon/index.js';
import { startAnsweredRunResumer } from './resume-answered-runs.js';
import { startDaemonWorkflows } from './start-workflow-work.js';

export interface HumanWorkOptions {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Omit<DaemonLog, 'close'>;
  /** How often the SLA sweeper and the delivery loop look for due work when idle. */
  pollMs?: number;
}

/**
 * The daemon's share of human tasks (issue 10): on the user's store ($ORCHESTRA_HOME/orchestra.db,
 * the one the CLI uses) it sweeps SLA timers (escalations enqueue their notices in the outbox,
 * routed by the routing the task was created under, else by `$ORCHESTRA_HOME/config.yaml`) and
 * sends the outbox's deliveries to the target each was queued with (the channel settings of the
 * orchestra.yaml that routed it; secrets from this process's environment), else to the channel of
 * that name in `$ORCHESTRA_HOME/config.yaml`. It also resumes runs nobody drives once their gate's
 * task is answered (resume-answered-runs.ts), and runs code-first workflows (start-workflow-work.ts).
 * `stop()` ends them all and closes the store.
 */
export async function startHumanWork(options: HumanWorkOptions): Promise<{ stop(): Promise<void> }> {
  const { notifications, people } = await userConfig(options.home, options.env);
  await prepareOrchestraHome(options.home);
  const store = await openSqliteStore(defaultDbPath(options.home, options.env));
  const logger = { ...options.log, debug() {} };
  const pollMs = options.pollMs;
  const notifier = createOutboxNotifier({ store, rules: notifications.routes, channels: notifications.channels, people, log: logger });
  // One sweeper fires every timer kind: SLA steps, and a workflow's sleep() waking its instance.
  const sweeper = startSlaSweeper({ store, notifier, log: logger, moreHandlers: workflowTimerHandlers(store, systemClock), ...(pollMs !== undefined && { intervalMs: pollMs }) });
  const workflows = await startDaemonWorkflows({ store, dbPath: defaultDbPath(options.home, options.env), env: options.env, log: options.log });
  const controller = new AbortController();
  const channels = createChannelSource(notifications, options.env);
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const delivering = runDeliveryLoop(store, channels, systemClock, { owner, logger, signal: controller.signal, ...(pollMs !== undefined && { pollMs }) }).catch((error: Error) =>
    options.log.error('the notification delivery loop stopped', { error: error.message }),
  );
  const resumer = startAnsweredRunResumer({
    store,
    env: { ...options.env, ORCHESTRA_HOME: options.home },
    log: options.log,
    ...(pollMs !== undefined && { intervalMs: pollMs }),
  });
  return {
    async stop() {
      resumer.stop();
      controller.abort();
      await Promise.all([sweeper.stop(), delivering, workflows.stop()]);
      await store.close();
    },
  };
}

async function userConfig(home: string, env: HumanWorkOptions['env']): Promise<{ notifications: ResolvedNotifications; people: ResolvedPeople }> {
  const file = join(home, 'config.yaml');
  if (!existsSync(file)) return { notifications: defaultNotifications(), people: noPeople };
  const { config } = await loadConfig({ startDir: home, env, file });
  return { notifications: config.notifications, people: config.people };
}
