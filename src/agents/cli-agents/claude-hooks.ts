import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** The Claude Code hook events a task listens to: enough to tell working, idle, waiting and exited apart. */
export const ClaudeHookEvents = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PermissionRequest', 'Stop', 'Notification', 'SessionEnd'] as const;

// Claude waits for a hook before it goes on (PreToolUse holds the tool): never let one hang it.
const hookTimeoutSeconds = 10;

/**
 * The JSON for `claude --settings`, running `hookCommand` on each of ClaudeHookEvents with the
 * event's JSON on standard input. Given per session, so the user's own settings files stay as
 * they are. Claude runs a hook command through a shell, so each argv element is single-quoted;
 * which task it is travels in the agent's environment (ORCHESTRA_TASK_ID, ...), not in the command.
 *
 * @example claudeHookSettings([process.execPath, '/opt/orchestra/bin/orchestra.js', 'hook', 'claude'])
 */
export function claudeHookSettings(hookCommand: readonly string[], options: { approvals?: boolean } = {}): string {
  const settings = commandHooks('claudeHookSettings', ClaudeHookEvents, hookCommand, 'claude');
  if (options.approvals === true) settings.hooks.PermissionRequest = commandHooks('claudeHookSettings', ['PermissionRequest'], [...hookCommand, '--approve'], 'claude', approvalTimeoutSeconds).hooks.PermissionRequest;
  return JSON.stringify(settings);
}

/**
 * With approvals, the PermissionRequest hook waits for a person's answer (`orchestra hook claude
 * --approve`): Claude shows the hook's decision instead of its own dialog. The operation waits at
 * most 280 s (approvals.request); the hook gets a little more to print its answer.
 */
const approvalTimeoutSeconds = 290;

/**
 * `{ hooks: { <event>: [{ hooks: [{ type: "command", command, timeout }] }] } }` for each event: the
 * hooks format of Claude Code, which Codex's hooks.json shares. `caller` and `source` name who
 * asked in the error for an empty command.
 */
export function commandHooks(caller: string, events: readonly string[], hookCommand: readonly string[], source: string, timeout = hookTimeoutSeconds): { hooks: Record<string, unknown> } {
  if (hookCommand.length === 0) {
    throw new OrchestraError(ErrorCode.USAGE, `${caller}: the hook command is empty.`, { hint: `Pass the argv of the command that reports hook events, e.g. [node, orchestra.js, "hook", "${source}"].` });
  }
  const command = hookCommand.map(shellQuote).join(' ');
  const entry = [{ hooks: [{ type: 'command', command, timeout }] }];
  return { hooks: Object.fromEntries(events.map((event) => [event, entry])) };
}

/** One argument for a POSIX shell: single-quoted, with each embedded `'` written as `'\''`. */
export function shellQuote(argument: string): string {
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}
