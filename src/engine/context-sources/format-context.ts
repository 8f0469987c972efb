import type { ContextItem } from './context-item.js';

/**
 * A Markdown section of context items: each label as a heading, its text in a fence longer than any
 * run of backticks inside it, so the content cannot close the fence early. The text is data: it is
 * added to the prompt after the author's template was rendered, never rendered itself.
 */
export function formatContextSection(title: string, items: readonly ContextItem[]): string {
  if (items.length === 0) return '';
  const parts = [`## ${title}`];
  for (const item of items) {
    parts.push(`### ${item.label}${item.note === undefined ? '' : ` (${item.note})`}`);
    if (item.text !== undefined) {
      const fence = '`'.repeat(Math.max(3, longestBacktickRun(item.text) + 1));
      parts.push(`${fence}\n${item.text}${item.text.endsWith('\n') ? '' : '\n'}${fence}`);
    }
  }
  return parts.join('\n\n');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
