import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { makePrivateDir } from '../../core/private-files.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';

export const opencodePluginFile = 'opencode-plugin.js';

/**
 * The source of an Opencode plugin that forwards the events a task's status needs (session
 * created / status / idle, permission and question prompts) to `hookCommand`, one process per
 * event with the event's JSON on standard input, in order, never through a shell. Events of
 * sub-agent sessions and repeats of the same state are dropped.
 */
export function opencodePluginSource(hookCommand: readonly string[]): string {
  return `// Written by Orchestra for one task: forwards Opencode session events to the task's hook command.
import { spawn } from 'node:child_process';

const hookCommand = ${JSON.stringify(hookCommand)};
const forwarded = /^(session\\.(created|status|idle)|permission\\.|question\\.)/;
const childSessions = new Set();
let last = '';
let queue = Promise.resolve();

function send(event) {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(hookCommand[0], hookCommand.slice(1), { stdio: ['pipe', 'ignore', 'ignore'] });
    } catch {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.on('error', () => { clearTimeout(timer); resolve(); });
    child.on('close', () => { clearTimeout(timer); resolve(); });
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(event));
  });
}

export const OrchestraTaskStatus = async () => ({
  event: async ({ event }) => {
    const properties = event.properties ?? {};
    const info = properties.info ?? {};
    if (event.type === 'session.created' && info.parentID) childSessions.add(info.id);
    if (!forwarded.test(event.type)) return;
    const session = properties.sessionID ?? info.id;
    if (childSessions.has(session)) return;
    const key = event.type + ':' + (properties.status?.type ?? '') + ':' + (session ?? '');
    if (key === last) return;
    last = key;
    // Chained, so that the daemon hears "busy" before the "idle" that follows it a moment later.
    queue = queue.then(() => send(event));
  },
});
`;
}

/** Writes the plugin under `stateDir` and returns the file URL Opencode's `plugin` list takes. */
export async function installOpencodePlugin(stateDir: string, hookCommand: readonly string[]): Promise<string> {
  await makePrivateDir(stateDir);
  const path = join(stateDir, opencodePluginFile);
  await writeFileAtomic(path, opencodePluginSource(hookCommand));
  return pathToFileURL(path).href;
}

/**
 * OPENCODE_CONFIG_CONTENT with `pluginUrl` added to its `plugin` list. Opencode merges this
 * variable over the user's own config files, so those stay untouched; an existing value (a test's
 * provider, say) keeps every key.
 */
export function withOpencodePlugin(configContent: string | undefined, pluginUrl: string): string {
  const config = readOpencodeConfig(configContent);
  const plugins = Array.isArray(config.plugin) ? config.plugin.filter((entry) => entry !== pluginUrl) : [];
  return JSON.stringify({ ...config, plugin: [...plugins, pluginUrl] });
}

/** OPENCODE_CONFIG_CONTENT as an object (empty when unset); E_CONFIG when it is not a JSON object. */
export function readOpencodeConfig(configContent: string | undefined): Record<string, unknown> {
  if (configContent === undefined || configContent.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(configContent);
  } catch (error) {
    throw new OrchestraError(ErrorCode.CONFIG, `OPENCODE_CONFIG_CONTENT is not valid JSON: ${(error as Error).message}`, { hint: 'Fix or unset OPENCODE_CONFIG_CONTENT in the environment or the profile\'s env.', cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OrchestraError(ErrorCode.CONFIG, 'OPENCODE_CONFIG_CONTENT must be a JSON object.', { hint: 'Fix or unset OPENCODE_CONFIG_CONTENT in the environment or the profile\'s env.' });
  }
  return parsed as Record<string, unknown>;
}
