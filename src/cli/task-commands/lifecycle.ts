import { basename, resolve } from 'node:path';
import { ErrorCode, ExitCode, isOrchestraError } from '../../core/errors.js';
import type { DaemonClient } from '../../server/rpc/index.js';
import type { TaskView } from '../../server/tasks/task-queries.js';
import { parseTaskFileName } from '../../tasks/index.js';
import type { CommandContext } from '../command-context.js';
import { withProject } from '../daemon-connection.js';
import { isTerminal, openInEditor } from './editor.js';
import { escapeTerminalFields } from '../../core/terminal-text.js';

export interface StartTaskOptions {
  agent?: string;
  json?: boolean;
}

/** `orchestra start <task>`: the setup script's output streams here; the agent runs in the daemon. */
export async function startTaskCommand(ctx: CommandContext, ref: string, options: StartTaskOptions): Promise<number> {
  const task = await withProject(ctx, (client, project) => {
    client.onNotification('task.setupOutput', (params: { chunk?: string }) => {
      if (typeof params?.chunk === 'string') ctx.io.stderr.write(params.chunk);
    });
    const size = terminalSize(ctx);
    // The agent gets this shell's environment (allow-listed by the daemon), not the daemon's.
    return client.call<TaskView>('task.start', { project, ref, agent: options.agent, ...size, env: definedEnv(ctx.io.env) });
  });
  if (options.json) ctx.io.stdout.write(`${JSON.stringify(task)}\n`);
  else {
    // The agent's name and the paths come from the task file and the config.
    const shown = escapeTerminalFields(task);
    ctx.io.stdout.write(`started task ${shown.id} (${shown.slug}) with ${shown.agent ?? 'its agent'} on branch ${shown.branch}\n`);
    ctx.io.stdout.write(`  worktree: ${shown.worktree}\n  attach:   orchestra attach ${shown.id}   (detach with Ctrl-])\n`);
  }
  return ExitCode.OK;
}

/** stop, complete and review: one call each, the task's new status printed. */
export function simpleTaskCommand(method: 'task.stop' | 'task.complete' | 'task.review', verb: string) {
  return async (ctx: CommandContext, ref: string, options: { json?: boolean }): Promise<number> => {
    const task = await withProject(ctx, (client, project) => client.call<TaskView>(method, { project, ref }));
    if (options.json) ctx.io.stdout.write(`${JSON.stringify(task)}\n`);
    else ctx.io.stdout.write(`${verb} task ${task.id} (${task.slug}): now ${task.status}\n`);
    return ExitCode.OK;
  };
}

/** `orchestra edit <task>`: the task file itself in $EDITOR; the daemon re-reads it after. */
export async function editTaskCommand(ctx: CommandContext, ref: string): Promise<number> {
  const file = await withProject(ctx, (client, project) => taskFileOf(client, project, ref));
  openInEditor(file, ctx.io.env, { inPlace: true, terminal: isTerminal(ctx) });
  // Reading it back reports a file broken by the edit, with its line, while the editor is fresh in mind.
  const id = parseTaskFileName(basename(file))?.id;
  const after = await withProject(ctx, (client, project) => client.call<TaskView>('task.get', { project, ref: id === undefined ? ref : String(id) }));
  ctx.io.stdout.write(`saved task ${after.id} (${after.slug}), ${after.status}\n`);
  return ExitCode.OK;
}

/** The task's file; a malformed one too (its error names it), since `edit` is how it gets fixed. */
async function taskFileOf(client: DaemonClient, project: string, ref: string): Promise<string> {
  try {
    return (await client.call<TaskView>('task.get', { project, ref })).file;
  } catch (error) {
    if (isOrchestraError(error) && error.code === ErrorCode.TASK_FILE && error.location !== undefined) return resolve(project, error.location.file);
    throw error;
  }
}

export function definedEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function terminalSize(ctx: CommandContext): { cols?: number; rows?: number } {
  const out = ctx.io.stdout as { columns?: number; rows?: number; isTTY?: boolean };
  return out.isTTY && out.columns && out.rows ? { cols: out.columns, rows: out.rows } : {};
}
