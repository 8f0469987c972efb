import { closestName } from '../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import type { Task } from './task.js';

const refHint = 'Name a task by its id (42) or slug (fix-tests); `orchestra status` lists them.';

/**
 * The task `ref` names: a number is an id; otherwise an exact slug, else `<id>:<slug>` or
 * `<id>-<slug>`. Throws E_TASK_NOT_FOUND (with a did-you-mean over slugs) or E_TASK_AMBIGUOUS.
 *
 * @example resolveTaskRef(tasks, '42'); resolveTaskRef(tasks, 'fix-tests'); resolveTaskRef(tasks, '42-fix-tests')
 */
export function resolveTaskRef(tasks: readonly Task[], ref: string): Task {
  const wanted = ref.trim();
  if (/^\d+$/.test(wanted)) return single(tasks.filter((task) => task.id === Number(wanted)), ref, []);
  const bySlug = tasks.filter((task) => task.slug === wanted);
  if (bySlug.length > 0) return single(bySlug, ref, []);
  const match = /^(\d+)[:-](.+)$/.exec(wanted);
  if (match) {
    const [, id, slug = ''] = match;
    const sameSlug = tasks.filter((task) => task.slug === slug).map((task) => `${task.id}:${task.slug}`);
    const suggestion = sameSlug.length > 0 ? sameSlug : closeSlugs(tasks, slug);
    return single(tasks.filter((task) => task.id === Number(id) && task.slug === slug), ref, suggestion);
  }
  return single([], ref, closeSlugs(tasks, wanted));
}

function single(matches: readonly Task[], ref: string, suggestion: readonly string[]): Task {
  const [first] = matches;
  if (first && matches.length === 1) return first;
  if (first) {
    const names = matches.map((task) => `${task.id}:${task.slug}`).join(', ');
    throw new OrchestraError(ErrorCode.TASK_AMBIGUOUS, `"${ref}" names ${matches.length} tasks: ${names}.`, {
      hint: `Name one by its file name (${first.id}:${first.slug}); if two files share an id, rename one of them.`,
    });
  }
  const did = suggestion.length > 0 ? ` Did you mean "${suggestion[0]}"?` : '';
  throw new OrchestraError(ErrorCode.TASK_NOT_FOUND, `no task matches "${ref}".${did}`, { hint: refHint });
}

function closeSlugs(tasks: readonly Task[], word: string): string[] {
  const match = closestName(word, tasks.map((task) => task.slug));
  return match === undefined ? [] : [match];
}
