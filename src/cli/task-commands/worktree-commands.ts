import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import type { TaskLogs } from '../../server/tasks/task-output.js';
import type { TaskView } from '../../server/tasks/task-queries.js';
import type { CommandContext } from '../command-context.js';
import { withProject } from '../daemon-connection.js';

export interface MergeCommandOptions {
  squash?: boolean;
  rebase?: boolean;
  keep?: boolean;
  json?: boolean;
}

interface MergeAnswer {
  task: TaskView;
  commit: string;
  files: string[];
  removedWorktree: boolean;
}

/** `orchestra merge <task>`: into the task's base branch; refuses on a dirty checkout or a conflict. */
export async function mergeCommand(ctx: CommandContext, ref: string, options: MergeCommandOptions): Promise<number> {
  const mode = options.squash ? 'squash' : options.rebase ? 'rebase' : 'merge';
  const result = await withProject(ctx, (client, project) => client.call<MergeAnswer>('task.merge', { project, ref, mode, keep: options.keep === true }));
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify(result)}\n`);
    return ExitCode.OK;
  }
  const { task } = result;
  ctx.io.stdout.write(`merged task ${task.id} (${task.slug}) into ${task.baseBranch} (${mode}): ${result.commit.slice(0, 12)}, ${plural(result.files.length, 'file')} changed\n`);
  ctx.io.stdout.write(result.removedWorktree ? '  worktree and branch removed\n' : `  kept the worktree: ${task.worktree}\n`);
  return ExitCode.OK;
}

/** `orchestra cd <task>`: prints the worktree path (the shell function from `shell-init` changes to it). */
export async function cdCommand(ctx: CommandContext, ref: string): Promise<number> {
  const task = await withProject(ctx, (client, project) => client.call<TaskView>('task.get', { project, ref }));
  if (task.worktree === undefined) {
    // A draft has no worktree yet; a merged task no longer has one.
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) has no worktree: it is ${task.status}.`, {
      hint: task.status === 'draft' ? `Start it first: orchestra start ${task.id}` : `It was merged; its work is on ${task.baseBranch}.`,
    });
  }
  ctx.io.stdout.write(`${task.worktree}\n`);
  return ExitCode.OK;
}

/** `orchestra diff <task>`: what the task changed against its base branch. */
export async function diffCommand(ctx: CommandContext, ref: string): Promise<number> {
  const { diff } = await withProject(ctx, (client, project) => client.call<{ diff: string }>('task.diff', { project, ref }));
  ctx.io.stdout.write(diff.endsWith('\n') || diff.length === 0 ? diff : `${diff}\n`);
  return ExitCode.OK;
}

/** `orchestra logs <task>`: the agent's terminal output as text, also after it exited; `--follow` streams on. */
export async function logsCommand(ctx: CommandContext, ref: string, options: { lines?: string; raw?: boolean; follow?: boolean }): Promise<number> {
  const lines = options.lines === undefined ? undefined : Number(options.lines);
  if (lines !== undefined && !(Number.isInteger(lines) && lines >= 0)) {
    throw new OrchestraError(ErrorCode.USAGE, `-n takes a number of lines, got "${options.lines}".`, { hint: `For example: orchestra logs ${ref} -n 20` });
  }
  if (options.follow === true) {
    const { project, logs } = await withProject(ctx, async (client, project) => ({ project, logs: await client.call<TaskLogs>('task.logs', { project, ref, lines: 1 }) }));
    return (await import('./logs-follow.js')).followLogs(ctx, project, ref, logs);
  }
  const { text } = await withProject(ctx, (client, project) => client.call<{ text: string }>('task.logs', { project, ref, lines, raw: options.raw === true }));
  ctx.io.stdout.write(text.endsWith('\n') || text.length === 0 ? text : `${text}\n`);
  return ExitCode.OK;
}

/** `orchestra rm <task>`: the task, its worktree, branch and logs (unmerged work needs --force). */
export async function removeCommand(ctx: CommandContext, ref: string, options: { force?: boolean }): Promise<number> {
  const removed = await withProject(ctx, (client, project) => client.call<{ id: number; slug: string }>('task.remove', { project, ref, force: options.force === true }));
  ctx.io.stdout.write(`removed task ${removed.id} (${removed.slug})\n`);
  return ExitCode.OK;
}
