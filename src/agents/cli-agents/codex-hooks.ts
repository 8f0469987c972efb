import { commandHooks } from './claude-hooks.js';

/** The Codex hook events a task listens to (Codex fires them with Claude Code's payload shape). */
export const CodexHookEvents = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PermissionRequest', 'Stop', 'SessionEnd'] as const;

/**
 * The `$CODEX_HOME/hooks.json` running `hookCommand` on each of CodexHookEvents with the event's
 * JSON on standard input. Codex runs a hook command through a shell (each argv element is
 * single-quoted) and waits for it, so each has a timeout; which task it is travels in the agent's
 * environment, not in the command.
 */
export function codexHooksJson(hookCommand: readonly string[]): string {
  return `${JSON.stringify(commandHooks('codexHooksJson', CodexHookEvents, hookCommand, 'codex'), null, 2)}\n`;
}
