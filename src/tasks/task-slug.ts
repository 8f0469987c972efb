import { ErrorCode, OrchestraError } from '../core/errors.js';

export const maxSlugLength = 60;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lowercase letters, digits and single hyphens, 1–60 characters, not only digits (that reads as an id). */
export function isValidSlug(slug: string): boolean {
  return slug.length <= maxSlugLength && slugPattern.test(slug) && !/^\d+$/.test(slug);
}

/** Throws E_USAGE naming the rule and suggesting a slug made from `slug`. */
export function validateSlug(slug: string): void {
  if (isValidSlug(slug)) return;
  throw new OrchestraError(ErrorCode.USAGE, `invalid task slug ${JSON.stringify(slug)}: ${slugRule}.`, {
    hint: `Try "${suggestSlug(slug)}".`,
  });
}

export const slugRule =
  `a slug is 1–${maxSlugLength} lowercase letters, digits and single hyphens, ` +
  'with no hyphen at either end, and not only digits (a number names a task by id)';

/** A valid slug made from free text: "Fix the Tests!" → "fix-the-tests". */
export function suggestSlug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.slice(0, maxSlugLength).replace(/-+$/, '');
  if (cut === '') return 'task';
  return /^\d+$/.test(cut) ? `task-${cut}`.slice(0, maxSlugLength) : cut;
}
