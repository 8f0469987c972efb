import type { StageStatus } from '../../core/events.js';

export interface StartRunRequest {
  /** The DOT file (read unless `source` is given; relative paths resolve against the cwd). */
  file: string;
  source?: string;
  /** Run variables (`key=value` on the command line); prompts see `$key`, the context `vars.key`. */
  variables?: Record<string, string>;
  /** The run directory; default `<runsDir>/<runId>`. */
  logsRoot?: string;
  /** Options that must survive a resume (simulate, auto-approve, ...); stored with the run. */
  options?: Record<string, unknown>;
  /** The run id, when the caller chose it (`run --detach` prints it before its child starts the run). */
  runId?: string;
  /** The tenant the run belongs to (its gates' human tasks live there); default `default`. */
  tenant?: string;
}

export interface RunHandle {
  runId: string;
  logsRoot: string;
  /** Resolves when the run stops; never rejects (failures are a `failed` result). */
  result(): Promise<RunResult>;
}

export interface RunResult {
  runId: string;
  state: 'completed' | 'failed' | 'interrupted';
  outcome?: StageStatus;
  error?: { code?: string; message: string; node?: string };
  /** Since the run first started. */
  durationMs: number;
  lastNode?: string;
}
