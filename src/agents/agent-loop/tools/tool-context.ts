/** What every tool call runs with. */
export interface ToolContext {
  /** The node's working directory; no tool reads or writes outside it. */
  workDir: string;
  signal: AbortSignal;
  /** The environment shell commands see (already stripped of secrets). */
  env: Readonly<Record<string, string | undefined>>;
}
