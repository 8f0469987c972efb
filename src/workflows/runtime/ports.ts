import type { StageStatus } from '../../core/events.js';
import type { JsonObject } from '../../store/human-task-types.js';
import type { WorkflowDefinition } from '../definition.js';

/*
 * The ports for agent(), pipeline() and child() by name (issue 11). The runtime never builds a
 * backend or an engine itself: the worker passes what it is configured with (the backend router,
 * the engine options, the loaded workflows); tests pass the simulation backend or a fake model server.
 */

/** One agent() call as the port gets it. */
export interface WorkflowAgentRequest {
  /** `wf:<instance>:<position>`: the same on every replay (a stage directory or idempotency key may use it). */
  id: string;
  workflowId: string;
  /** The call's journal name. */
  name: string;
  prompt: string;
  /** A backend name (`direct`, `claude`, `simulation`…); the config's default when absent. */
  backend?: string;
  /** An agent from orchestra.yaml (its role, persona and model). */
  agent?: string;
  model?: string;
  provider?: string;
  /** A read-only context the prompt layers see. */
  context: JsonObject;
}

/** What the model or coding agent answered. */
export interface WorkflowAgentResponse {
  status: StageStatus;
  text: string;
  failureReason?: string;
  /** The answer's context updates (a final json block's `context_updates`, usage). */
  data: JsonObject;
}

export interface WorkflowAgents {
  call(request: WorkflowAgentRequest): Promise<WorkflowAgentResponse>;
}

/** One pipeline() call as the port gets it: the run id is fixed by the call's place in the journal. */
export interface WorkflowPipelineRequest {
  /** `wf-<instance>-<position>` (pipelineRunId): a replay finds the run again instead of starting another. */
  runId: string;
  workflowId: string;
  /** The workflow's tenant: the run is stored there. */
  tenant: string;
  file: string;
  variables: Record<string, string>;
}

/** How the child run ended. `interrupted`: it stopped without an outcome (the process is shutting down); it is resumed on the next replay. */
export type WorkflowPipelineOutcome =
  | { runId: string; state: 'completed' | 'failed'; status: StageStatus; context: Record<string, unknown>; error?: string }
  | { runId: string; state: 'interrupted' };

export interface WorkflowPipelines {
  /** Starts the run, resumes it if it exists unfinished, or reports how it ended if it is finished. */
  run(request: WorkflowPipelineRequest): Promise<WorkflowPipelineOutcome>;
}

/** The workflows child(ctx, 'name', …) can start by name (the loader's set, in a worker). */
export type WorkflowDefinitions = (name: string) => WorkflowDefinition<unknown, unknown> | undefined;
