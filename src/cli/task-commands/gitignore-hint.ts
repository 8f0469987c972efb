import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** Files Orchestra keeps beside the task files that are bookkeeping, never worth a commit. */
const bookkeeping = ['.orchestra/tasks/.lock', '.orchestra/tasks/.last-id'];

/**
 * The advice `orchestra new` prints once, with a project's first task, when git would pick up the
 * task folder's bookkeeping files: Orchestra never edits your .gitignore itself. Undefined when
 * they are ignored already (or this is not a git checkout).
 */
export async function gitignoreHint(project: string): Promise<string | undefined> {
  const ignored = await Promise.all(bookkeeping.map((file) => isIgnored(project, file)));
  if (ignored.every((value) => value !== false)) return undefined;
  return [
    'hint: task files live in .orchestra/tasks/. Commit them to share the tasks, or keep them out of git.',
    `      To keep only Orchestra's bookkeeping out, add to ${join(project, '.gitignore')}:`,
    ...bookkeeping.map((file) => `        ${file}`),
    '      or add `.orchestra/tasks/` to keep the task files out too (.orchestra/setup is yours to commit).',
  ].join('\n');
}

// `git check-ignore` exits 0 when ignored, 1 when not, 128 outside a repository (no advice then).
function isIgnored(cwd: string, file: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['check-ignore', '-q', '--no-index', '--', file], { cwd }, (error) => {
      if (error === null) resolve(true);
      else resolve((error as { code?: unknown }).code === 1 ? false : undefined);
    });
  });
}
