import type { GuidedTasks } from '../../services/guided/index.js';
import type { DaemonClient } from '../../server/rpc/client.js';
import type { TaskList, TaskView } from '../../tasks/index.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { definedEnv } from '../task-commands/lifecycle.js';

/**
 * The daemon's coding tasks for a guided step that waits for one (`waits_for: task`), over the
 * daemon's socket as `orchestra new` and `orchestra start` reach them. The daemon is connected to
 * (and started, when none runs) only when such a step is entered or its task is looked at: other
 * commands never touch it.
 */
export function daemonTasks(ctx: CommandContext): { tasks: GuidedTasks; close(): void } {
  let client: Promise<DaemonClient> | undefined;
  const connect = (): Promise<DaemonClient> => (client ??= connectDaemon(ctx));
  return {
    tasks: {
      list: async (project) => (await connect()).call<TaskList>('task.list', { project }),
      create: async (project, input) => (await connect()).call<TaskView>('task.create', { project, ...input }),
      // The agent gets the caller's environment, as with `orchestra start`.
      start: async (project, ref, options) => (await connect()).call<TaskView>('task.start', { project, ref, ...options, env: definedEnv(ctx.io.env) }),
      get: async (project, ref) => (await connect()).call<TaskView>('task.get', { project, ref }),
    },
    close: () => void client?.then((connected) => connected.close(), () => undefined),
  };
}

