import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { diffBranch } from '../../workspace/index.js';
import type { ServiceContext } from './service-context.js';
import { taskLogFile } from './task-paths.js';

/** `orchestra diff`: what the task changed against its base, committed or not. */
export async function taskDiff(ctx: ServiceContext, projectRoot: string, ref: string): Promise<{ diff: string }> {
  const task = await ctx.files(projectRoot).get(ref);
  if (task.worktree === undefined || !existsSync(task.worktree)) {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) has no worktree.`, {
      hint: task.status === 'draft' ? `Start it first: orchestra start ${task.id}` : 'It was merged or removed; see `git log` on the base branch.',
    });
  }
  return { diff: await diffBranch({ root: projectRoot, baseBranch: task.baseBranch, worktree: task.worktree }) };
}

/**
 * `orchestra logs`: the agent's terminal output as plain text (escapes stripped), the last `lines`
 * lines. Kept after the agent exits.
 */
export async function taskLogs(ctx: ServiceContext, projectRoot: string, ref: string, lines: number | undefined, raw: boolean): Promise<{ text: string; file: string }> {
  const task = await ctx.files(projectRoot).get(ref);
  const file = taskLogFile(ctx.options.home, projectRoot, task);
  await ctx.liveAgent(projectRoot, task.id)?.session.logFlushed();
  if (!existsSync(file)) return { text: '', file };
  const content = await readFile(file, 'utf8');
  const text = raw ? content : plainText(content);
  if (lines === undefined) return { text, file };
  // The output may or may not end in a newline (an agent's prompt does not): count only real lines.
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return { text: lines <= 0 ? '' : all.slice(-lines).join('\n'), file };
}

/** Terminal output as lines: escapes gone, carriage-return overwrites resolved to the last write. */
function plainText(content: string): string {
  return stripVTControlCharacters(content)
    .split(/\r?\n/)
    .map((line) => line.split('\r').filter((part) => part.length > 0).pop() ?? '')
    .join('\n');
}
