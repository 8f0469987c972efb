import type { ShellSandbox } from '../../../config/index.js';
import type { ProcessRecorder } from '../../../sessions/held-spawn.js';

/** What every tool call runs with. */
export interface ToolContext {
  /** The node's working directory; the file tools read and write nowhere else. */
  workDir: string;
  signal: AbortSignal;
  /** The environment shell commands and hooks see: the allow-listed one (agentEnv), no provider key. */
  env: Readonly<Record<string, string | undefined>>;
  /** How the shell tool runs (`agent.shell_sandbox`); default `none`. */
  sandbox?: ShellSandbox;
  /** Stores each process group the shell tool and the hooks start before it runs (the request's `processes`). */
  processes?: ProcessRecorder;
}
