import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import type { TaskChange } from '../../server/tasks/service-context.js';
import type { TaskList, TaskView } from '../../server/tasks/task-queries.js';
import { TaskStatus } from '../../tasks/index.js';
import { findProjectRoot } from '../../workspace/project-root.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { formatProblems, formatTaskTable, statusLabel } from '../task-output/task-table.js';
import { forTaskOrRun } from './task-or-run.js';

export interface TaskStatusOptions {
  json?: boolean;
  watch?: boolean;
  all?: boolean;
  detail?: boolean;
}

/**
 * `orchestra status`: the tasks of this project (every project with --all or outside one);
 * `status <task>` one task (a pipeline run id works too); `status set <task> <status>` for hooks;
 * `--watch` follows changes and rings the bell when an agent needs input.
 */
export async function taskStatusCommand(ctx: CommandContext, args: string[], options: TaskStatusOptions): Promise<number> {
  const [first, ...rest] = args;
  if (first === 'set') return setStatus(ctx, rest);
  const project = await findProjectRoot(ctx.io.cwd).catch(() => undefined);
  if (first !== undefined) return showOne(ctx, first, options);
  const client = await connectDaemon(ctx);
  try {
    const scope = options.all || project === undefined ? {} : { project };
    // Subscribed before listing, so that no change between the listing and the watch is lost.
    const changes = options.watch ? await followChanges(ctx, client, scope.project) : undefined;
    const list = await client.call<TaskList>('task.list', scope);
    printList(ctx, list, options, project === undefined || options.all === true);
    if (changes === undefined) return list.problems.length > 0 ? ExitCode.FAILED : ExitCode.OK;
    return await changes.untilInterrupted();
  } finally {
    client.close();
  }
}

async function setStatus(ctx: CommandContext, args: string[]): Promise<number> {
  const [ref, status] = args;
  const allowed: readonly string[] = Object.values(TaskStatus);
  if (ref === undefined || status === undefined || args.length > 2) {
    throw new OrchestraError(ErrorCode.USAGE, 'status set takes a task and a status.', { hint: `orchestra status set <task> <${allowed.join('|')}>` });
  }
  // Checked here, not left to the daemon, whose params error blames a CLI/daemon version mismatch.
  if (!allowed.includes(status)) {
    throw new OrchestraError(ErrorCode.USAGE, `"${status}" is not a task status.`, { hint: `Use one of: ${allowed.join(', ')}.` });
  }
  const project = await findProjectRoot(ctx.io.cwd);
  const client = await connectDaemon(ctx);
  try {
    const task = await client.call<TaskView>('task.setStatus', { project, ref, status });
    ctx.io.stdout.write(`task ${task.id} (${task.slug}): ${task.status}\n`);
    return ExitCode.OK;
  } finally {
    client.close();
  }
}

async function showOne(ctx: CommandContext, ref: string, options: TaskStatusOptions): Promise<number> {
  const showTask = async (project: string): Promise<number> => {
    const client = await connectDaemon(ctx);
    try {
      const task = await client.call<TaskView>('task.get', { project, ref });
      ctx.io.stdout.write(options.json ? `${JSON.stringify(task)}\n` : `${formatTaskTable([task], ctx.out, Date.now(), 1_000)}\n`);
      return ExitCode.OK;
    } finally {
      client.close();
    }
  };
  return forTaskOrRun(ctx, ref, showTask, async () => (await import('../commands/status.js')).statusCommand(ctx, ref, options));
}

function printList(ctx: CommandContext, list: TaskList, options: TaskStatusOptions, everyProject: boolean): void {
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify(list)}\n`);
    return;
  }
  if (list.problems.length > 0) ctx.io.stderr.write(formatProblems(list.problems, ctx.err, ctx.io.cwd));
  if (list.tasks.length === 0) {
    ctx.io.stdout.write('No tasks yet. Create one: orchestra new <slug> -m "what to do"\n');
    return;
  }
  const width = (ctx.io.stdout as { columns?: number }).columns ?? 120;
  const projects = [...new Set(list.tasks.map((task) => task.projectRoot))];
  for (const root of projects) {
    const tasks = list.tasks.filter((task) => task.projectRoot === root);
    if (everyProject) ctx.io.stdout.write(`${ctx.out.bold(root)}\n`);
    ctx.io.stdout.write(`${formatTaskTable(tasks, ctx.out, Date.now(), width)}\n`);
  }
}

/**
 * Prints one line per change until interrupted; a task that needs input rings the bell. Lines are
 * held until `untilInterrupted()`, so that they come after the table.
 */
async function followChanges(ctx: CommandContext, client: Awaited<ReturnType<typeof connectDaemon>>, project: string | undefined) {
  let held: string[] | undefined = [];
  client.onNotification('task.changed', (change: TaskChange) => {
    if (project !== undefined && change.projectRoot !== project) return;
    const line = describeChange(ctx, change);
    if (line === undefined) return;
    const text = `${change.needsInput ? '\u0007' : ''}${new Date().toISOString().slice(11, 19)} ${line}\n`;
    if (held === undefined) ctx.io.stdout.write(text);
    else held.push(text);
  });
  await client.call('task.subscribe', {});
  return {
    async untilInterrupted(): Promise<number> {
      for (const text of held ?? []) ctx.io.stdout.write(text);
      held = undefined;
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          ctx.io.signals?.off('SIGINT', stop);
          ctx.io.signals?.off('SIGTERM', stop);
          resolve();
        };
        ctx.io.signals?.on('SIGINT', stop);
        ctx.io.signals?.on('SIGTERM', stop);
        client.onClose(stop);
      });
      return ExitCode.OK;
    },
  };
}

function describeChange(ctx: CommandContext, change: TaskChange): string | undefined {
  const name = `task ${change.taskId} (${change.slug})`;
  switch (change.kind) {
    case 'created':
      return `${name} created`;
    case 'removed':
      return `${name} removed`;
    case 'status':
      if (change.status === change.previousStatus || change.status === undefined) return undefined;
      return `${name}: ${change.previousStatus ?? '?'} → ${statusLabel({ status: change.status, needsInput: false }, ctx.out)}`;
    case 'activity':
      return change.needsInput ? `${name} ${statusLabel({ status: 'idle', needsInput: true }, ctx.out)}` : undefined;
    default:
      return undefined;
  }
}
