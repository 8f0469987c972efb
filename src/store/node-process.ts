/**
 * A process group a node started (a tool command, a check's command, a coding-agent CLI), recorded
 * before the process may do anything and cleared once it has ended. A record still present when a
 * run is resumed names a group the crashed driver left behind: resume ends it before it runs the
 * node again, so two copies of a command never run at once.
 */
export interface NodeProcess {
  runId: string;
  /** The group leader's pid, which is also the process group id. */
  pid: number;
  /**
   * The leader's start time (field 22 of /proc/<pid>/stat); with the pid it names one process, so
   * a pid the kernel has since given to another process is never signalled. Undefined without /proc.
   */
  startTime: string | undefined;
  /** The host it runs on: a pid means nothing on another machine. */
  host: string;
  nodeId: string;
  attempt: number;
  startedAt: number;
}
