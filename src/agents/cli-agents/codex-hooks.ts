import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { shellQuote } from './claude-hooks.js';

/** The Codex hook events a task listens to (Codex fires them with Claude Code's payload shape). */
export const CodexHookEvents = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PermissionRequest', 'Stop', 'SessionEnd'] as const;

// Codex waits for a hook before it goes on (PreToolUse holds the tool): never let one hang it.
const hookTimeoutSeconds = 10;

/**
 * The `$CODEX_HOME/hooks.json` running `hookCommand` on each of CodexHookEvents with the event's
 * JSON on standard input. Codex runs a hook command through a shell, so each argv element is
 * single-quoted; which task it is travels in the agent's environment, not in the command.
 */
export function codexHooksJson(hookCommand: readonly string[]): string {
  if (hookCommand.length === 0) {
    throw new OrchestraError(ErrorCode.USAGE, 'codexHooksJson: the hook command is empty.', { hint: 'Pass the argv of the command that reports hook events, e.g. [node, orchestra.js, "hook", "codex"].' });
  }
  const command = hookCommand.map(shellQuote).join(' ');
  const entry = [{ hooks: [{ type: 'command', command, timeout: hookTimeoutSeconds }] }];
  return `${JSON.stringify({ hooks: Object.fromEntries(CodexHookEvents.map((event) => [event, entry])) }, null, 2)}\n`;
}
