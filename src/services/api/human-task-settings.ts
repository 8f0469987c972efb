import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, noPeople, type ResolvedConfig, type ResolvedPeople } from '../../config/index.js';
import type { Logger } from '../../core/logger.js';
import type { OutboxStore } from '../../store/outbox.js';
import { createOutboxNotifier, type TaskAnnouncer } from '../notifications/index.js';

/** Who may do what to human tasks, and where their notices go: what a human-task operation acts under. */
export interface HumanTaskSettings {
  people: ResolvedPeople;
  notices?: TaskAnnouncer;
}

export interface HumanTaskSettingsOptions {
  store: OutboxStore;
  /** ORCHESTRA_HOME: its config.yaml is what applies without a project. */
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Pick<Logger, 'warn'>;
  /** When a notice happened; default Date.now (the daemon passes its clock's). */
  now?: () => number;
}

/**
 * ApiDeps.humanTaskSettings as the daemon serves it (issue 12). With a project (already checked
 * known), the people and notification routes of its orchestra.yaml, pinned to the tasks it
 * announces first, as `orchestra answer` run in that project does; without one, those of
 * `$ORCHESTRA_HOME/config.yaml`, the file the daemon's sweeper and delivery loop read (none: no
 * `people:`, so the caller acts as their bare user id, no groups, not an admin). Read on every
 * call: an edit of orchestra.yaml applies to the next request, as it does to the next CLI command.
 */
export function createHumanTaskSettings(options: HumanTaskSettingsOptions): (projectDir?: string) => Promise<HumanTaskSettings> {
  return async (projectDir) => {
    const config = await configOf(projectDir, options);
    if (config === undefined) return { people: noPeople };
    const { routes, channels, dueSoon } = config.notifications;
    const notices = createOutboxNotifier({ store: options.store, rules: routes, channels, ...(dueSoon && { dueSoon }), people: config.people, pinRouting: projectDir !== undefined, log: options.log, ...(options.now && { now: options.now }) });
    return { people: config.people, notices };
  };
}

async function configOf(projectDir: string | undefined, options: HumanTaskSettingsOptions): Promise<ResolvedConfig | undefined> {
  if (projectDir !== undefined) return (await loadConfig({ startDir: projectDir, env: options.env })).config;
  const file = join(options.home, 'config.yaml');
  if (!existsSync(file)) return undefined;
  return (await loadConfig({ startDir: options.home, env: options.env, file })).config;
}
