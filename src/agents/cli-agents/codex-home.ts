import { isAbsolute, join, relative, resolve } from 'node:path';
import { makePrivateDir } from '../../core/private-files.js';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { codexConfigToml, defaultCodexBaseUrl } from './codex-config.js';
import { codexHooksJson } from './codex-hooks.js';

/** The directory under a session's own state dir that becomes its CODEX_HOME. */
export const codexHomeDir = 'codex-home';

/** Where the key is read from, by Codex itself: never copied into a file. */
export const codexKeyVariable = 'OPENAI_API_KEY';

export interface CodexHomeInput {
  /** Becomes CODEX_HOME; created private (0700). */
  dir: string;
  /** The session's working directory, trusted in the config. */
  cwd: string;
  /** The environment Codex will start with: OPENAI_BASE_URL and CODEX_MODEL are read from it. */
  env: Readonly<Record<string, string | undefined>>;
  /** For a task: the argv its hooks run (`orchestra hook codex`); absent: no hooks.json. */
  hookCommand?: readonly string[] | undefined;
}

/**
 * Writes a Codex session's CODEX_HOME (config.toml, and hooks.json for a task) and returns the
 * variable that points Codex at it. Rewritten at each start, so a changed base URL or model applies
 * on resume; the sessions Codex keeps there stay.
 */
export async function writeCodexHome(input: CodexHomeInput): Promise<{ CODEX_HOME: string; TMPDIR?: string }> {
  await makePrivateDir(input.dir);
  const tempDir = codexTempDir(input.dir, input.env.TMPDIR);
  if (tempDir !== undefined) await makePrivateDir(tempDir);
  const model = input.env.CODEX_MODEL?.trim();
  const config = codexConfigToml({
    baseUrl: input.env.OPENAI_BASE_URL?.trim() || defaultCodexBaseUrl,
    envKey: codexKeyVariable,
    model: model === '' ? undefined : model,
    trustedDir: input.cwd,
  });
  await writeFileAtomic(join(input.dir, 'config.toml'), config);
  if (input.hookCommand !== undefined) await writeFileAtomic(join(input.dir, 'hooks.json'), codexHooksJson(input.hookCommand));
  return tempDir === undefined ? { CODEX_HOME: input.dir } : { CODEX_HOME: input.dir, TMPDIR: tempDir };
}

/**
 * Codex will not set up its sandbox helper (the `codex-linux-sandbox` alias it runs under bubblewrap)
 * in a CODEX_HOME inside the temp directory, and then every command it runs fails. When the home
 * is there (an ORCHESTRA_HOME under /tmp), Codex gets a temp directory of its own inside the home.
 */
export function codexTempDir(codexHome: string, tmpdirVariable: string | undefined): string | undefined {
  const temp = resolve(tmpdirVariable?.trim() || '/tmp');
  const rel = relative(temp, resolve(codexHome));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? join(codexHome, 'tmp-dir') : undefined;
}
