/**
 * A run for the daemon to drive in a detached `orchestra` process (issue 12): the services decide
 * and validate, the way in that serves them (the daemon) spawns. `runId` is the run to record
 * (start, replay: a new id chosen by the service) or to carry on (resume).
 */
export type RunLaunch =
  | {
      kind: 'start';
      runId: string;
      /** The DOT file (absolute, inside `project`); for text, where it is said to live. */
      file: string;
      /** DOT text, when the run was given text rather than a file: kept in the run directory. */
      source?: string;
      variables: Readonly<Record<string, string>>;
      simulate: boolean;
      tenant: string;
      /** The known project's real path: the process's working directory. */
      project: string;
    }
  | { kind: 'resume'; runId: string }
  /** `context`: values replacing the checkpoint's context before the new run starts. */
  | { kind: 'replay'; runId: string; from: string; checkpoint: number; context?: Readonly<Record<string, unknown>> };

/** The port ApiDeps.runs: launches a detached run; resolves once its process took the run (recorded it, holds it). */
export interface RunLauncher {
  launch(request: RunLaunch): Promise<void>;
}
