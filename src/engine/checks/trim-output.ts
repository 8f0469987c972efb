/** How much of a failing check's output is kept for checks.json and the agent's next prompt. */
export const feedbackOutputChars = 4 * 1024;

/**
 * The end of `text` (where runners print failures and summaries), at most `maxChars` long, with a
 * first line saying how much was cut.
 */
export function trimOutput(text: string, maxChars = feedbackOutputChars): string {
  const trimmed = text.trimEnd();
  if (trimmed.length <= maxChars) return trimmed;
  const tail = trimmed.slice(-maxChars);
  const fromLine = tail.indexOf('\n');
  const kept = fromLine >= 0 && fromLine < maxChars / 4 ? tail.slice(fromLine + 1) : tail;
  return `[... ${trimmed.length - kept.length} earlier characters cut]\n${kept}`;
}
