/**
 * Endings of an agent's last screen line that mean it waits for an answer. Matched against the
 * trimmed line only once the output has gone quiet, so a line that merely ends in ':' while the
 * agent is busy does not count. Agents with hooks (Claude Code, Opencode) report instead, once
 * their hooks run: a dialog before that (Claude's folder trust) is read from the screen too.
 */
export const promptPatterns: readonly { name: string; pattern: RegExp }[] = [
  { name: 'question', pattern: /\?$/ },
  { name: 'colon', pattern: /:$/ },
  { name: 'angle', pattern: />$/ },
  { name: 'yes-no', pattern: /[([](y(es)?\/n(o)?)[)\]]$/i },
  { name: 'single-chevron', pattern: /›$/ },
  { name: 'heavy-chevron', pattern: /❯$/ },
  { name: 'press-enter', pattern: /press (enter|return)\b/i },
  // The footer of a TUI's choice dialog (Claude Code: "Enter to confirm · Esc to cancel" under its
  // folder-trust and permission menus), shown before its hooks could say anything.
  { name: 'confirm-footer', pattern: /\b(enter|return) to (confirm|select|continue|submit|approve)\b/i },
];

/** Whether the (trimmed) last line of the screen reads like a question or an input prompt. */
export function looksLikePrompt(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && promptPatterns.some(({ pattern }) => pattern.test(trimmed));
}
