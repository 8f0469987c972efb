import { basename, resolve } from 'node:path';
import { stringify } from 'yaml';
import { FrontMatterReader } from './front-matter-reader.js';
import { normalizeDescription, splitFrontMatter } from './front-matter.js';
import type { Task } from './task.js';
import { taskFileError } from './task-file-error.js';
import { parseTaskFileName } from './task-file-name.js';
import { slugRule, suggestSlug } from './task-slug.js';

/** Front matter keys Orchestra owns, in the order they are written. Everything else is `extra`. */
export const taskFileKeys = ['base_branch', 'status', 'agent', 'branch', 'worktree', 'port', 'agent_session', 'created', 'updated'] as const;

export interface ParseTaskFileOptions {
  /** `created` / `updated` when the file has none: the file's modification time. Defaults to now. */
  mtime?: Date;
}

/**
 * Reads a task file's text. `file` is its path (the id and slug come from the name). Every
 * problem throws E_TASK_FILE with the file, line and column.
 *
 * @example parseTaskFile('/p/.orchestra/tasks/42:fix-tests.md', '---\nbase_branch: main\n---\nFix it.\n')
 */
export function parseTaskFile(file: string, text: string, options: ParseTaskFileOptions = {}): Task {
  const path = resolve(file);
  const source = { file: path, text };
  const name = parseTaskFileName(basename(path));
  if (!name) {
    const base = basename(path);
    const message = `the task file name must be "<id>:<slug>.md" (like 42:fix-tests.md), got "${base}".`;
    throw taskFileError(source, { line: 1, column: 1 }, message, `Rename it, e.g. to "<id>:${suggestSlug(base.replace(/^\d+:|\.md$/g, ''))}.md" with an id no other task uses; ${slugRule}.`);
  }
  const split = splitFrontMatter(text);
  if (split.kind === 'missing') {
    throw taskFileError(source, { line: 1, column: 1 }, 'a task file must start with YAML front matter: "---" on line 1.', 'Start the file with "---", then "base_branch: main", then "---", then the description.');
  }
  if (split.kind === 'unclosed') {
    throw taskFileError(source, { line: 1, column: 1 }, 'the front matter opened by "---" on line 1 is never closed.', 'Add a line "---" after the last front matter key.');
  }
  const fm = new FrontMatterReader(source, split.yaml);
  const fallbackTime = (options.mtime ?? new Date()).toISOString();
  const task: Task = {
    id: name.id,
    slug: name.slug,
    baseBranch: fm.requiredString('base_branch', 'the branch the task starts from and merges into'),
    status: fm.status(),
    createdAt: fm.time('created', fallbackTime),
    updatedAt: fm.time('updated', fallbackTime),
    description: normalizeDescription(split.body),
    file: path,
    extra: extraKeys(fm.data),
  };
  const optional = {
    agent: fm.optionalString('agent'),
    branch: fm.optionalString('branch'),
    worktree: fm.optionalString('worktree'),
    port: fm.port(),
    agentSession: fm.optionalString('agent_session'),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(task, { [key]: value });
  return task;
}

/** The file text for `task`: front matter (known keys in a fixed order, then unknown keys as read) and description. */
export function formatTaskFile(task: Task): string {
  const data: Record<string, unknown> = {
    base_branch: task.baseBranch,
    status: task.status,
    agent: task.agent,
    branch: task.branch,
    worktree: task.worktree,
    port: task.port,
    agent_session: task.agentSession,
    created: task.createdAt,
    updated: task.updatedAt,
  };
  for (const [key, value] of Object.entries(task.extra)) if (!isKnownKey(key)) data[key] = value;
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  const description = normalizeDescription(task.description);
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${description === '' ? '' : `\n${description}\n`}`;
}

function extraKeys(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !isKnownKey(key)));
}

function isKnownKey(key: string): boolean {
  return (taskFileKeys as readonly string[]).includes(key);
}
