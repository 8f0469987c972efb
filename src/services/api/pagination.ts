import { z } from 'zod';

/*
 * Lists are paginated with cursors (issue 12), the same way in every area: the input takes `limit`
 * and `cursor`, the output is `{ items, nextCursor }`, `nextCursor` absent on the last page. A
 * cursor is opaque to callers; each area encodes what it needs to resume (an offset, a last id).
 */

export const pageInput = { limit: z.number().int().min(1).max(500).default(50), cursor: z.string().max(500).optional() };

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}
