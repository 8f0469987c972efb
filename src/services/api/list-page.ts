import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * One page of a list that is read whole (a handful of rows, such as a tenant's tokens), in the
 * API's cursor shape (pagination.ts): the cursor is the key of the last item of the page before.
 * A cursor naming no item is E_USAGE naming `cursor` (its item went away; start again without it).
 */
export function pageOfList<T>(items: readonly T[], keyOf: (item: T) => string, page: { limit: number; cursor?: string | undefined }): { items: T[]; nextCursor?: string } {
  const start = page.cursor === undefined ? 0 : items.findIndex((item) => keyOf(item) === page.cursor) + 1;
  if (start === 0 && page.cursor !== undefined) {
    throw new OrchestraError(ErrorCode.USAGE, `cursor: ${JSON.stringify(page.cursor)} is not a cursor of this list`, { hint: 'Ask for the first page again, without a cursor.' });
  }
  const slice = items.slice(start, start + page.limit);
  const last = slice.at(-1);
  return start + page.limit < items.length && last !== undefined ? { items: slice, nextCursor: keyOf(last) } : { items: slice };
}
