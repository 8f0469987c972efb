/** What the model sees of long tool output; the turn log keeps the whole text. */
export const modelOutputLimit = 16 * 1024;

/**
 * `text` cut to about `limit` characters: its head and tail with a marker saying how much was
 * left out, since errors tend to be at the end of command output and context at the start.
 */
export function truncateForModel(text: string, limit = modelOutputLimit): string {
  if (text.length <= limit) return text;
  const head = Math.floor(limit / 2);
  const tail = limit - head;
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}\n[... ${omitted} characters omitted; the full output is in the turn log ...]\n${text.slice(text.length - tail)}`;
}
