import { join } from 'node:path';
import type { ConfigHome } from '../../config/index.js';
import { codexHomeDir, writeCodexHome } from './codex-home.js';
import { prepareGeminiHome } from './gemini-settings.js';

export interface ConfigHomeInput {
  /** The session's own directory: a pipeline node's stage directory, a task's state directory. */
  sessionDir: string;
  /** A directory the sessions of one run share (a pipeline run's logs root); a task: its state directory. */
  runDir: string;
  /** The session's working directory (Codex trusts it in its config). */
  cwd: string;
  /** The environment the CLI starts with (Codex reads its base URL and model from it). */
  env: Readonly<Record<string, string | undefined>>;
  /** For a task: the argv its hooks run (`orchestra hook <source>`); absent: no hooks. */
  hookCommand?: readonly string[] | undefined;
}

/**
 * Writes the CLI's private configuration home for its profile's `config_home` and returns the
 * environment variables that point the CLI at it (none without one): `codex` a CODEX_HOME shared
 * by the run's nodes, so that a `full` thread resumes its session in a later node; `gemini` a
 * GEMINI_CLI_HOME per node (its profile does not resume nodes).
 */
export async function prepareConfigHome(home: ConfigHome | undefined, input: ConfigHomeInput): Promise<Record<string, string>> {
  switch (home) {
    case 'codex':
      return writeCodexHome({ dir: join(input.runDir, codexHomeDir), cwd: input.cwd, env: input.env, hookCommand: input.hookCommand });
    case 'gemini':
      return prepareGeminiHome(join(input.sessionDir, 'gemini-home'), input.hookCommand);
    case undefined:
      return {};
  }
}
