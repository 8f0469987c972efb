/** What a `type="workflow"` node starts: its instance id is the same every time this node visit runs. */
export interface NodeWorkflowRequest {
  /** Derived from run, node, visit and attempt (nodeWorkflowId): a resumed visit finds its instance again. */
  id: string;
  runId: string;
  nodeId: string;
  /** The workflow's name, as `orchestra workflow start NAME` takes it. */
  name: string;
  input: unknown;
}

/** How the instance ended, as the node maps it (completed: success). */
export type NodeWorkflowOutcome =
  | { status: 'completed'; result: unknown }
  | { status: 'failed'; error: { code: string; message: string } }
  | { status: 'cancelled' };

/**
 * Code-first workflows as a pipeline node sees them (issue 11). The way in that drives the run
 * implements it over the workflow runtime (src/workflows/dot-node), in the run's tenant; the
 * engine only asks to start an instance and to hear how it ended.
 */
export interface RunWorkflows {
  /** Starts the instance, or finds it when it exists already (a resumed visit). E_WORKFLOW_NOT_FOUND / E_WORKFLOW_INPUT for a bad name or input. */
  start(request: NodeWorkflowRequest): Promise<void>;
  /** Resolves once the instance finished (completed, failed or cancelled). Rejects when `signal` aborts. */
  finished(id: string, signal: AbortSignal): Promise<NodeWorkflowOutcome>;
}
