/**
 * Orchestra's public API: run Attractor pipelines durably from code.
 *
 * @example
 * ```ts
 * import { startRun, openSqliteStore, createSimulationBackend, createAutoApproveInterviewer } from 'orchestra';
 *
 * const store = await openSqliteStore('orchestra.db');
 * const run = await startRun({ file: 'pipeline.dot' }, {
 *   store, backend: createSimulationBackend(), interviewer: createAutoApproveInterviewer(), runsDir: 'runs',
 * });
 * console.log(await run.result());
 * ```
 */
export { startRun, resumeRun, replayRun } from './engine/runner.js';
export type { EngineOptions, ResumeOptions, RunHandle, RunResult, StartRunRequest } from './engine/runner.js';
// Issue 14: what `EngineOptions.workspaces` is (the CLI builds it with services/workspace/run-workspaces-for.ts).
export type { RunWorkspace, RunWorkspaces, RepoHeads } from './workspace/run-workspace/types.js';
export type { Handler, HandlerInput, HandlerServices, HandlerRegistry, RunInfo } from './engine/handler.js';
export { RunContext } from './engine/context.js';
export { createDefaultRegistry, createHandlerRegistry } from './engine/handlers/index.js';

export { parseDot, preparePipeline, loadPipeline, validate, validateOrThrow, formatDiagnostic, parseCondition, evaluateCondition, renderSvg } from './pipeline/index.js';
export type { Graph, GraphNode, GraphEdge, Diagnostic, LintRule, Transform } from './pipeline/index.js';

export { openSqliteStore, createMemoryStore, resolveOrchestraHome } from './store/index.js';
export type { Store } from './store/store.js';
export type { Checkpoint, RunRecord, NodeRecord, RunState } from './store/types.js';

export type { AgentBackend, AgentRequest, AgentResult, Fidelity } from './agents/backend.js';
export { createSimulationBackend } from './agents/simulation/index.js';
export type { Interviewer, Question, Answer, QuestionOption, QuestionType } from './humans/interviewer.js';
export {
  createAutoApproveInterviewer,
  createQueueInterviewer,
  createRecordingInterviewer,
  createCallbackInterviewer,
  createConsoleInterviewer,
} from './humans/index.js';


export { OrchestraError, ErrorCode, ExitCode, isOrchestraError } from './core/errors.js';
export type { RunEvent, RunEventType, StageStatus } from './core/events.js';
export type { Outcome } from './core/outcome.js';

// Human tasks (issue 10): the services every way in uses, their context for a local program, and the task and form types.
export {
  createHumanTask,
  listHumanTasks,
  getHumanTask,
  claimHumanTask,
  releaseHumanTask,
  reassignHumanTask,
  answerHumanTask,
  cancelHumanTask,
  openLocalHumanTasks,
} from './services/human-tasks/public.js';
export { authenticateLocal } from './services/auth/index.js';
export type { LocalTenantChoice } from './services/auth/index.js';
export type { HumanTaskServiceContext, CreateHumanTaskInput, ListHumanTasksInput, LocalHumanTaskOptions } from './services/human-tasks/public.js';
export type { TenantScope } from './core/tenant-scope.js';
export type { Actor } from './humans/tasks/actor.js';
export type {
  HumanTask,
  HumanTaskPage,
  HumanTaskStatus,
  HumanTaskPriority,
  HumanTaskOrigin,
  HumanTaskHistoryEntry,
  Assignee,
  FormDefinition,
  FormField,
  FormFieldType,
  FormOption,
  JsonObject,
  JsonValue,
} from './store/human-task-types.js';
// code-first workflows (issue 11): what a workflow file imports (`import { workflow, step, task } from 'orchestra'`).
export { workflow, step, task, sleep, sleepUntil, waitForSignal, patched, agent, pipeline, child, timeout, StepError, TaskUnansweredError } from './workflows/index.js';
export { isWorkflowDefinition } from './workflows/definition.js';
export type { WorkflowContext, WorkflowDefinition, WorkflowOptions, StepOptions, TaskOptions, TaskResult, FormAnswer, FormSpec, SignalResult, WaitForSignalOptions, WorkflowDuration, DurationInput, AgentOptions, AgentCallResult, PipelineOptions, PipelineResult, ChildOptions } from './workflows/index.js';
