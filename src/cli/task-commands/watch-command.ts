import { ExitCode } from '../../core/errors.js';
import type { TaskList, TaskView } from '../../server/tasks/task-queries.js';
import type * as Tui from '../../tui/index.js';
import type { TaskRow, WatchSource } from '../../tui/index.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { attachTaskCommand } from './attach-command.js';

/** `orchestra watch`: the Ink task board over one daemon connection that streams task changes. */
export async function watchCommand(ctx: CommandContext): Promise<number> {
  const client = await connectDaemon(ctx);
  const listeners = new Set<() => void>();
  client.onNotification('task.changed', () => listeners.forEach((listener) => listener()));
  // With output changes: the table's last-output column follows agents that keep working.
  await client.call('task.subscribe', { output: true });
  const source: WatchSource = {
    list: async () => (await client.call<TaskList>('task.list', {})).tasks.map(toRow),
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    start: async (row) => void (await client.call('task.start', { project: row.projectRoot, ref: String(row.id) })),
    stop: async (row) => void (await client.call('task.stop', { project: row.projectRoot, ref: String(row.id) })),
  };
  try {
    const { runWatch } = await importInkForTerminal(ctx);
    await runWatch({
      source,
      attach: async (row) => void (await attachTaskCommand({ ...ctx, io: { ...ctx.io, cwd: row.projectRoot } }, String(row.id), {})),
      stdin: ctx.io.stdin as NodeJS.ReadStream,
      stdout: ctx.io.stdout as NodeJS.WriteStream,
    });
    return ExitCode.OK;
  } finally {
    client.close();
  }
}

function toRow(task: TaskView): TaskRow {
  return {
    projectRoot: task.projectRoot,
    projectName: task.projectName,
    id: task.id,
    slug: task.slug,
    status: task.status,
    ...(task.activity === undefined ? {} : { activity: task.activity }),
    ...(task.agent === undefined ? {} : { agent: task.agent }),
    ...(task.branch === undefined ? {} : { branch: task.branch }),
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    ...(task.lastLine === undefined ? {} : { lastLine: task.lastLine }),
  };
}

/**
 * Ink draws only the final frame when it believes it runs in CI, and decides that from the
 * environment when it is first imported. A person looking at `orchestra watch` in a terminal wants
 * the live table even in a shell where CI is set (a CI debug session, a dev container), so the CI
 * markers are dropped from this process before Ink loads. Nothing else in this process reads them.
 */
async function importInkForTerminal(ctx: CommandContext): Promise<typeof Tui> {
  if ((ctx.io.stdout as { isTTY?: boolean }).isTTY === true) {
    for (const name of Object.keys(process.env)) {
      if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete process.env[name];
    }
  }
  return import('../../tui/index.js');
}
