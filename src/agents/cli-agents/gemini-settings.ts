import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { makePrivateDir } from '../../core/private-files.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { shellQuote } from './claude-hooks.js';

/** The Gemini CLI hook events a task listens to: enough to tell working, idle, waiting and exited apart. */
export const GeminiHookEvents = ['SessionStart', 'BeforeAgent', 'BeforeTool', 'AfterTool', 'AfterAgent', 'Notification', 'SessionEnd'] as const;

// Gemini waits for a hook before it goes on (BeforeTool holds the tool): never let one hang it. Milliseconds.
const hookTimeoutMs = 10_000;

/**
 * Gemini CLI's settings for one session: API-key auth (else a base URL in the environment makes it
 * infer an auth type it then rejects, exit 41), no folder-trust dialog, no telemetry, usage
 * statistics or update checks (no outbound calls), and with `hookCommand` a command hook on each
 * of GeminiHookEvents. Gemini runs a hook command through a shell, so each argv element is quoted.
 *
 * @example geminiSettings([process.execPath, '/opt/orchestra/bin/orchestra.js', 'hook', 'gemini'])
 */
export function geminiSettings(hookCommand?: readonly string[]): Record<string, unknown> {
  return {
    security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: false } },
    privacy: { usageStatisticsEnabled: false },
    telemetry: { enabled: false },
    general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
    ...(hookCommand !== undefined && { hooks: geminiHooks(hookCommand) }),
  };
}

function geminiHooks(hookCommand: readonly string[]): Record<string, unknown> {
  if (hookCommand.length === 0) {
    throw new OrchestraError(ErrorCode.USAGE, 'geminiSettings: the hook command is empty.', { hint: 'Pass the argv of the command that reports hook events, e.g. [node, orchestra.js, "hook", "gemini"].' });
  }
  const command = hookCommand.map(shellQuote).join(' ');
  const entry = [{ matcher: '*', hooks: [{ type: 'command', command, timeout: hookTimeoutMs }] }];
  return Object.fromEntries(GeminiHookEvents.map((event) => [event, entry]));
}

/**
 * Writes `home/.gemini/settings.json` (private) and returns the environment that makes Gemini CLI
 * read it: GEMINI_CLI_HOME moves only Gemini's own home (settings, history, temp files), so the
 * user's ~/.gemini is neither read nor written and the tools it runs keep the real HOME.
 */
export async function prepareGeminiHome(home: string, hookCommand?: readonly string[]): Promise<Record<string, string>> {
  const dir = join(home, '.gemini');
  await makePrivateDir(dir);
  await writeFileAtomic(join(dir, 'settings.json'), `${JSON.stringify(geminiSettings(hookCommand), null, 2)}\n`);
  return { GEMINI_CLI_HOME: home };
}
