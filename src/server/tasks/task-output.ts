import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { defaultCols, defaultRows, screenText } from '../../sessions/index.js';
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

/** How much of the end of a log `logs` replays through a terminal: a busy agent's log grows large. */
const replayBytes = 4 * 1024 * 1024;

export interface TaskLogs {
  taskId: number;
  text: string;
  /** The log file, for `logs --follow` to read on from `size`. */
  file: string;
  size: number;
  /** The terminal size the text was laid out for (the agent's, while it runs). */
  cols: number;
  rows: number;
  /** Whether an agent runs for the task now (else there is nothing to follow). */
  live: boolean;
}

/**
 * `orchestra logs`: the agent's terminal output as the terminal showed it (see screenText), the
 * last `lines` lines; `raw` gives the bytes as written. Kept after the agent exits.
 */
export async function taskLogs(ctx: ServiceContext, projectRoot: string, ref: string, lines: number | undefined, raw: boolean): Promise<TaskLogs> {
  const task = await ctx.files(projectRoot).get(ref);
  const file = taskLogFile(ctx.options.home, projectRoot, task);
  const agent = ctx.liveAgent(projectRoot, task.id);
  await agent?.session.logFlushed();
  const { cols, rows } = agent?.session.size() ?? { cols: defaultCols, rows: defaultRows };
  const base = { taskId: task.id, file, cols, rows, live: agent !== undefined };
  if (!existsSync(file)) return { ...base, text: '', size: 0 };
  const { content, size } = await readTail(file, raw ? Number.MAX_SAFE_INTEGER : replayBytes);
  const text = raw ? content : await screenText(content, cols, rows);
  if (lines === undefined) return { ...base, text, size };
  // The output may or may not end in a newline (an agent's prompt does not): count only real lines.
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return { ...base, text: lines <= 0 ? '' : all.slice(-lines).join('\n'), size };
}

/** The last `max` bytes of `file` (a cut escape sequence at the start only loses itself) and its size. */
async function readTail(file: string, max: number): Promise<{ content: string; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, max);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return { content: buffer.toString('utf8'), size };
  } finally {
    await handle.close();
  }
}
