export { step, type StepOptions } from './step.js';
export { StepError } from './step-error.js';
export { sleep, sleepUntil } from './sleep.js';
export { waitForSignal, type SignalResult, type WaitForSignalOptions } from './signals.js';
export { patched } from './patched.js';
export { task } from './task.js';
export { taskOutcome } from './task-outcome.js';
export { agent, type AgentCallResult, type AgentOptions } from './agent.js';
export { pipeline, pipelineRunId, type PipelineOptions, type PipelineResult } from './pipeline.js';
export { child, childInstanceId, type ChildOptions } from './child.js';
export type { RetryOption } from './journaled-call.js';
export { TaskUnansweredError } from './task-unanswered.js';
export type { FieldValue, FormAnswer, FormFieldSpec, FormSpec, TaskAssignee, TaskOptions, TaskResult } from './task-types.js';
export { timeout, type DurationInput, type WorkflowDuration } from './duration.js';
export { runInstance, type RunOutcome } from './run-instance.js';
export { startWorkflow, checkInput, type StartOptions } from './start-workflow.js';
export { cancelChildren, cancelWorkflow, fireWorkflowTimer, signalWorkflow } from './control.js';
export { workflowTimerId, workflowWakeKind } from './timers.js';
export type { WorkflowDeps, WorkflowHumanTasks, WorkflowTaskOutcome, WorkflowTaskRequest } from './deps.js';
export type {
  WorkflowAgentRequest, WorkflowAgentResponse, WorkflowAgents, WorkflowDefinitions, WorkflowPipelineOutcome, WorkflowPipelineRequest, WorkflowPipelines,
} from './ports.js';
