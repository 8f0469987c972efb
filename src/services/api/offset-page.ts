import { ErrorCode, OrchestraError } from '../../core/errors.js';

/*
 * Cursor pages over a store read that only takes a limit (newest first): the cursor is the count
 * of items already handed out. A new item arriving between two pages shifts the list by one, so a
 * page may repeat the previous page's last item; none is ever skipped.
 */

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The offset a cursor stands for; E_USAGE naming `cursor` when it is not one this API gave. */
export function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (/^\d{1,9}$/.test(cursor)) return Number(cursor);
  throw new OrchestraError(ErrorCode.USAGE, `cursor: ${JSON.stringify(cursor)} is not a cursor of this list`, { hint: 'Pass the nextCursor of the previous page unchanged, or no cursor for the first page.' });
}

/** One page: reads `offset + limit + 1` items (one more tells whether another page follows). */
export async function offsetPage<T>(input: { cursor?: string | undefined; limit: number }, read: (count: number) => Promise<T[]>): Promise<Page<T>> {
  const offset = offsetOf(input.cursor);
  const items = await read(offset + input.limit + 1);
  const page = items.slice(offset, offset + input.limit);
  return { items: page, ...(items.length > offset + input.limit && { nextCursor: String(offset + input.limit) }) };
}
