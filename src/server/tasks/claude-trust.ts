import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';

/** What trustWorktree did: `skipped` names why nothing was written. */
export type TrustOutcome = { written: string } | { skipped: 'no-config-dir' | 'already-trusted' | 'unreadable' };

/**
 * Claude Code stops a new session in an unknown folder at "Is this a project you trust?", and a
 * task's worktree is always new. Claude reads the answer from `projects.<abs dir>.hasTrustDialogAccepted`
 * in `$CLAUDE_CONFIG_DIR/.claude.json`, so this records it there for the worktree, before the start.
 * Only in the config dir the session was given (CLAUDE_CONFIG_DIR in the agent's environment):
 * the user's own `~/.claude.json` is never written (without that variable the dialog shows, and the
 * task says it needs input). Every other key of the file is kept as it was; a file that is not
 * JSON is left alone.
 */
export async function trustWorktree(env: Readonly<Record<string, string | undefined>>, worktree: string): Promise<TrustOutcome> {
  const configDir = env.CLAUDE_CONFIG_DIR;
  if (configDir === undefined || configDir === '') return { skipped: 'no-config-dir' };
  const file = join(configDir, '.claude.json');
  const config = await readConfig(file);
  if (config === undefined) return { skipped: 'unreadable' };
  const trusted = withTrust(config, worktreeKeys(worktree));
  if (trusted === config) return { skipped: 'already-trusted' };
  await writeFileAtomic(file, `${JSON.stringify(trusted, null, 2)}\n`);
  return { written: file };
}

/** `config` with each of `dirs` trusted; `config` itself when all already are. Pure. */
export function withTrust(config: Record<string, unknown>, dirs: readonly string[]): Record<string, unknown> {
  const projects = isRecord(config.projects) ? config.projects : {};
  const missing = dirs.filter((dir) => !(isRecord(projects[dir]) && projects[dir].hasTrustDialogAccepted === true));
  if (missing.length === 0) return config;
  const added = Object.fromEntries(missing.map((dir) => [dir, { ...(isRecord(projects[dir]) ? projects[dir] : {}), hasTrustDialogAccepted: true }]));
  return { ...config, projects: { ...projects, ...added } };
}

// Claude keys a folder by its resolved path; a worktree under a symlinked home has two spellings.
function worktreeKeys(worktree: string): string[] {
  let real = worktree;
  try {
    real = realpathSync(worktree);
  } catch {
    // not created yet: the path as given is the key
  }
  return real === worktree ? [worktree] : [worktree, real];
}

async function readConfig(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
