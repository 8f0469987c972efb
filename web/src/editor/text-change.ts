/**
 * The one change that turns `before` into `after`: the text between their common start and end.
 * The code view applies a graph edit as this splice, so the cursor, the scroll and the undo
 * history stay where the author left them instead of being reset by a whole new document.
 */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export function changeBetween(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
