import { stripVTControlCharacters } from 'node:util';
import { OrchestraError, type ErrorCode } from '../../core/errors.js';
import { formatExpectedError } from '../output/print-error.js';
import type { Palette } from '../output/color.js';
import type { TaskProblem, TaskView } from '../../server/tasks/task-queries.js';
import { escapeTerminalFields } from '../../core/terminal-text.js';

/** The status column: what the user acts on, so "needs input" stands out. */
export function statusLabel(task: Pick<TaskView, 'status' | 'needsInput'>, palette: Palette): string {
  if (task.needsInput && (task.status === 'idle' || task.status === 'running')) return palette.bold(palette.yellow('needs input'));
  switch (task.status) {
    case 'running':
      return palette.green('running');
    case 'idle':
      return palette.yellow('idle');
    case 'completed':
      return palette.cyan('completed');
    case 'failed':
    case 'stopped':
      return palette.red(task.status);
    case 'draft':
    case 'reviewed':
    case 'merged':
      return palette.dim(task.status);
  }
}

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

/** `orchestra status`: one line per task, columns padded on the plain text (colour codes excluded). */
export function formatTaskTable(tasks: readonly TaskView[], palette: Palette, now: number, width = 120): string {
  const header = ['ID', 'TASK', 'STATUS', 'AGENT', 'BRANCH', 'AGE', 'LAST OUTPUT'];
  // Slugs, agents, branches and the agent's last line come from files, config and the agent's screen.
  const rows = escapeTerminalFields(tasks).map((task) => [
    String(task.id),
    task.slug,
    statusLabel(task, palette),
    task.agent ?? '-',
    task.branch ?? '-',
    formatAge(now - Date.parse(task.createdAt)),
    task.lastLine ?? '',
  ]);
  const plain = (text: string): string => stripVTControlCharacters(text);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => plain(row[column] ?? '').length)));
  const lastColumn = header.length - 1;
  // Only the last column (the agent's last line) is cut to the terminal's width.
  const room = Math.max(10, width - widths.slice(0, lastColumn).reduce((sum, w) => sum + w + 2, 0));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === lastColumn ? cutTo(cell, room) : cell + ' '.repeat((widths[column] ?? 0) - plain(cell).length)))
      .join('  ')
      .trimEnd();
  return [palette.dim(line(header)), ...rows.map(line)].join('\n');
}

function cutTo(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function formatProblems(problems: readonly TaskProblem[], palette: Palette, cwd: string): string {
  return problems
    .map((problem) => {
      const location = problem.file === undefined ? undefined : { file: problem.file, line: problem.line ?? 1, column: problem.column ?? 1 };
      const error = new OrchestraError(problem.code as ErrorCode, problem.message, { hint: problem.hint, location });
      return formatExpectedError(error, cwd, palette);
    })
    .join('');
}
