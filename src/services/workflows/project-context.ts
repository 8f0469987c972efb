import { dirname, join } from 'node:path';
import type { AgentBackend } from '../../agents/backend.js';
import { createBackendRouter } from '../../agents/router/index.js';
import { loadConfig, type ResolvedConfig } from '../../config/index.js';
import type { Logger } from '../../core/logger.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import { backendAgents } from '../../workflows/agents/backend-agents.js';
import type { WorkflowAgents, WorkflowHumanTasks, WorkflowPipelines } from '../../workflows/runtime/index.js';
import { createOutboxNotifier, type OutboxNotifier } from '../notifications/index.js';
import { workflowHumanTasks } from './human-tasks-port.js';
import { projectPipelines } from './project-pipelines.js';
import { runWorkspacesFor } from '../workspace/run-workspaces-for.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';

export interface ProjectSettings {
  config: ResolvedConfig;
  notifier: OutboxNotifier;
  /** agent() over the backend the project's orchestra.yaml configures (the router `orchestra run` uses). */
  agents: WorkflowAgents;
  backend: AgentBackend;
  /** The project's git workspaces for pipeline() runs (issue 14); undefined without workspace repos or runsDir. */
  workspaces: RunWorkspaces | undefined;
}

/**
 * The people and notification routes a workflow's tasks are made with: those of the orchestra.yaml
 * of the instance's project, as `orchestra answer` in that project would use (read once per project
 * while the process lives). The routing is pinned to each task, so the daemon sends its notices,
 * reminders and escalations the project's way.
 */
export function projectTaskPorts(options: {
  store: Store;
  env: Readonly<Record<string, string | undefined>>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => number;
  /** Where agent() calls keep their files: `<stageRoot>/<instance>/<position>/`. Default `<project>/.orchestra/workflow-agents`. */
  stageRoot?: string;
  /** Where pipeline() runs keep their logs (`$ORCHESTRA_HOME/runs`); without it pipeline() is not offered. */
  runsDir?: string;
}) {
  const settings = new Map<string, Promise<ProjectSettings>>();
  const now = options.now ?? Date.now;
  const settingsOf = (dir: string): Promise<ProjectSettings> => {
    let found = settings.get(dir);
    if (!found) {
      found = loadConfig({ startDir: dir, env: options.env }).then(async ({ config }) => {
        const backend = createBackendRouter({ config, env: options.env, simulate: false, logger: { ...options.log, debug() {} } });
        // runsDir is `$ORCHESTRA_HOME/runs`: the worktrees go beside it, under the same home.
        const workspaces = options.runsDir === undefined ? undefined : await runWorkspacesFor(config, { home: dirname(options.runsDir), env: options.env });
        return {
          config,
          backend,
          workspaces,
          agents: backendAgents(backend, { stageRoot: options.stageRoot ?? join(dir, '.orchestra', 'workflow-agents') }),
          notifier: createOutboxNotifier({ store: options.store, rules: config.notifications.routes, channels: config.notifications.channels, ...(config.notifications.dueSoon && { dueSoon: config.notifications.dueSoon }), people: config.people, pinRouting: true, log: options.log }),
        };
      });
      // A config that does not load is reported by the task() that needed it, and read again next time.
      found.catch(() => settings.delete(dir));
      settings.set(dir, found);
    }
    return found;
  };
  return {
    settingsOf,
    /** The ports of an instance of project `dir`, in its tenant: task(), agent() and (given runsDir) pipeline(). */
    async ports(scope: TenantScope, dir: string): Promise<{ humanTasks: WorkflowHumanTasks; agents: WorkflowAgents; pipelines?: WorkflowPipelines }> {
      const { config, notifier, agents, backend, workspaces } = await settingsOf(dir);
      const { store, runsDir, log } = options;
      return {
        humanTasks: workflowHumanTasks({ store, scope, people: config.people, now, notices: notifier }),
        agents,
        ...(runsDir !== undefined && { pipelines: projectPipelines({ store, scope, projectDir: dir, config, backend, notifier, runsDir, log, workspaces }) }),
      };
    },
  };
}
