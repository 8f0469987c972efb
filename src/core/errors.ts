import type { SourceLocation } from './source-location.js';

/** Every error code Orchestra reports. Stable: scripts and agents match on them. */
export const ErrorCode = {
  USAGE: 'E_USAGE',
  CONFIG: 'E_CONFIG',
  PROVIDER: 'E_PROVIDER',
  FILE_NOT_FOUND: 'E_FILE_NOT_FOUND',
  FILE_READ: 'E_FILE_READ',
  DOT_SYNTAX: 'E_DOT_SYNTAX',
  VALIDATION: 'E_VALIDATION',
  CONDITION_SYNTAX: 'E_CONDITION_SYNTAX',
  STYLESHEET_SYNTAX: 'E_STYLESHEET_SYNTAX',
  ATTRIBUTE_TYPE: 'E_ATTRIBUTE_TYPE',
  DURATION: 'E_DURATION',
  VARIABLE: 'E_VARIABLE',
  RUN_NOT_FOUND: 'E_RUN_NOT_FOUND',
  RUN_AMBIGUOUS: 'E_RUN_AMBIGUOUS',
  RUN_FINISHED: 'E_RUN_FINISHED',
  RUN_LOCKED: 'E_RUN_LOCKED',
  CHECKPOINT_NOT_FOUND: 'E_CHECKPOINT_NOT_FOUND',
  HANDLER_NOT_FOUND: 'E_HANDLER_NOT_FOUND',
  TOOL_NOT_FOUND: 'E_TOOL_NOT_FOUND',
  TOOL_TIMEOUT: 'E_TOOL_TIMEOUT',
  NODE_TIMEOUT: 'E_NODE_TIMEOUT',
  STORE: 'E_STORE',
  STORE_CORRUPT: 'E_STORE_CORRUPT',
  INTERRUPTED: 'E_INTERRUPTED',
  NOT_A_PROJECT: 'E_NOT_A_PROJECT',
  TASK_NOT_FOUND: 'E_TASK_NOT_FOUND',
  TASK_AMBIGUOUS: 'E_TASK_AMBIGUOUS',
  TASK_FILE: 'E_TASK_FILE',
  TASK_STATE: 'E_TASK_STATE',
  GIT: 'E_GIT',
  DIRTY_CHECKOUT: 'E_DIRTY_CHECKOUT',
  MERGE_CONFLICT: 'E_MERGE_CONFLICT',
  SETUP_FAILED: 'E_SETUP_FAILED',
  AGENT_NOT_RUNNING: 'E_AGENT_NOT_RUNNING',
  /** A coding-agent CLI a run needs is not installed (or its `command:` path is not executable). */
  AGENT_CLI_MISSING: 'E_AGENT_CLI_MISSING',
  DAEMON: 'E_DAEMON',
  /** A notification could not be sent: a channel's secret is not set, its server refused or was unreachable (issue 10). */
  NOTIFY: 'E_NOTIFY',
  /** No human task with this id in the caller's tenant (another tenant's task looks exactly like this). */
  HUMAN_TASK_NOT_FOUND: 'E_HUMAN_TASK_NOT_FOUND',
  /** The human task's status forbids the request: already answered, cancelled, expired, claimed by another. */
  HUMAN_TASK_STATE: 'E_HUMAN_TASK_STATE',
  /** A form definition or an answer to one is invalid; `fields` names each bad field. */
  FORM_INVALID: 'E_FORM_INVALID',
  /** The acting person may not do this to the human task (not the assignee, not in its group, not an admin). */
  NOT_ELIGIBLE: 'E_NOT_ELIGIBLE',
  /** A user or group that orchestra.yaml's `people:` does not list. */
  UNKNOWN_PERSON: 'E_UNKNOWN_PERSON',
  /** A workflow file did not compile or threw while loading, two files define one name, or a file escapes workflows/ (issue 11). */
  WORKFLOW_LOAD: 'E_WORKFLOW_LOAD',
  /** No workflow instance (or workflow definition) with this id or name in the caller's tenant (issue 11). */
  WORKFLOW_NOT_FOUND: 'E_WORKFLOW_NOT_FOUND',
  /** The instance's status forbids the request: a signal to, or a cancel of, a finished instance. */
  WORKFLOW_STATE: 'E_WORKFLOW_STATE',
  /** Another process journaled this position first: two processes drove one instance (exactly-once guard). */
  WORKFLOW_CONFLICT: 'E_WORKFLOW_CONFLICT',
  /** The workflow's code no longer matches its journal (a step renamed, reordered or removed while in flight). */
  WORKFLOW_NONDETERMINISM: 'E_WORKFLOW_NONDETERMINISM',
  /** A step returned a value that is not JSON (a function, a class instance, a cycle, undefined, NaN…). */
  WORKFLOW_STEP_RESULT: 'E_WORKFLOW_STEP_RESULT',
  /** A workflow's input failed its zod schema; `fields` names each bad field. */
  WORKFLOW_INPUT: 'E_WORKFLOW_INPUT',
  /** The workflow function threw: the instance failed with this error's message. */
  WORKFLOW_FAILED: 'E_WORKFLOW_FAILED',
  /** A workflow's task() ended without an answer (expired or cancelled) and the workflow did not catch it. */
  WORKFLOW_TASK_UNANSWERED: 'E_WORKFLOW_TASK_UNANSWERED',
  /** No guided workflow instance with this id in the caller's tenant (issue 13; another tenant's looks the same). */
  GUIDED_INSTANCE_NOT_FOUND: 'E_GUIDED_INSTANCE_NOT_FOUND',
  /** A guided report names a step that is not the instance's current one: the agent lost track (resume_workflow reconciles). */
  GUIDED_STEP_NOT_CURRENT: 'E_GUIDED_STEP_NOT_CURRENT',
  /** The guided instance's status forbids the request: it completed or failed, or waits for a task. */
  GUIDED_STATE: 'E_GUIDED_STATE',
  /** Another call changed the guided instance between reading it and storing the decision. */
  GUIDED_CONFLICT: 'E_GUIDED_CONFLICT',
  /** A context value (start context or context_updates) does not have the type the definition declares. */
  GUIDED_CONTEXT: 'E_GUIDED_CONTEXT',
  /** No guided workflow definition (`workflows/NAME/index.md`) with this name in the project. */
  GUIDED_WORKFLOW_NOT_FOUND: 'E_GUIDED_WORKFLOW_NOT_FOUND',
  /** The guided workflow definition has errors (`orchestra compile workflows/NAME` shows them at file:line:col). */
  GUIDED_DEFINITION: 'E_GUIDED_DEFINITION',
  /** A pipeline file changed on disk since the editor read it (its version differs), or exists where a new one was to be written (issue 15). */
  PIPELINE_CONFLICT: 'E_PIPELINE_CONFLICT',
  /** No API token with this id or name in the caller's tenant (issue 12; another tenant's looks the same). */
  TOKEN_NOT_FOUND: 'E_TOKEN_NOT_FOUND',
  /** A request over the API without a valid bearer token: none, unknown, expired or revoked (issue 12). */
  UNAUTHORIZED: 'E_UNAUTHORIZED',
  /** The caller's token does not allow this operation (a read token writing, a write token managing tokens) (issue 12). */
  FORBIDDEN: 'E_FORBIDDEN',
  INTERNAL: 'E_INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Process exit codes, documented in docs/cli.md. */
export const ExitCode = {
  OK: 0,
  /** The run failed, or `compile` found an error diagnostic. */
  FAILED: 1,
  /** Bad input: arguments, syntax, types. */
  USAGE: 2,
  /** A named file, run or checkpoint does not exist. */
  NOT_FOUND: 3,
  /** The run is in a state that forbids the request (finished, locked by another process). */
  CONFLICT: 4,
  /** Something Orchestra did not expect: a bug. */
  INTERNAL: 70,
  /** Interrupted by SIGINT / SIGTERM; the run can be resumed. */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const exitCodeOf: Record<ErrorCode, ExitCode> = {
  E_USAGE: ExitCode.USAGE,
  E_CONFIG: ExitCode.USAGE,
  E_PROVIDER: ExitCode.FAILED,
  E_FILE_NOT_FOUND: ExitCode.NOT_FOUND,
  E_FILE_READ: ExitCode.USAGE,
  E_DOT_SYNTAX: ExitCode.USAGE,
  E_VALIDATION: ExitCode.FAILED,
  E_CONDITION_SYNTAX: ExitCode.USAGE,
  E_STYLESHEET_SYNTAX: ExitCode.USAGE,
  E_ATTRIBUTE_TYPE: ExitCode.USAGE,
  E_DURATION: ExitCode.USAGE,
  E_VARIABLE: ExitCode.USAGE,
  E_RUN_NOT_FOUND: ExitCode.NOT_FOUND,
  E_RUN_AMBIGUOUS: ExitCode.USAGE,
  E_RUN_FINISHED: ExitCode.CONFLICT,
  E_RUN_LOCKED: ExitCode.CONFLICT,
  E_CHECKPOINT_NOT_FOUND: ExitCode.NOT_FOUND,
  E_HANDLER_NOT_FOUND: ExitCode.FAILED,
  E_TOOL_NOT_FOUND: ExitCode.FAILED,
  E_TOOL_TIMEOUT: ExitCode.FAILED,
  E_NODE_TIMEOUT: ExitCode.FAILED,
  E_STORE: ExitCode.INTERNAL,
  E_STORE_CORRUPT: ExitCode.INTERNAL,
  E_INTERRUPTED: ExitCode.INTERRUPTED,
  E_NOT_A_PROJECT: ExitCode.USAGE,
  E_TASK_NOT_FOUND: ExitCode.NOT_FOUND,
  E_TASK_AMBIGUOUS: ExitCode.USAGE,
  E_TASK_FILE: ExitCode.USAGE,
  E_TASK_STATE: ExitCode.CONFLICT,
  E_GIT: ExitCode.FAILED,
  E_DIRTY_CHECKOUT: ExitCode.CONFLICT,
  E_MERGE_CONFLICT: ExitCode.CONFLICT,
  E_SETUP_FAILED: ExitCode.FAILED,
  E_AGENT_NOT_RUNNING: ExitCode.CONFLICT,
  E_AGENT_CLI_MISSING: ExitCode.FAILED,
  E_DAEMON: ExitCode.INTERNAL,
  E_NOTIFY: ExitCode.FAILED,
  E_HUMAN_TASK_NOT_FOUND: ExitCode.NOT_FOUND,
  E_HUMAN_TASK_STATE: ExitCode.CONFLICT,
  E_FORM_INVALID: ExitCode.USAGE,
  E_NOT_ELIGIBLE: ExitCode.CONFLICT,
  E_UNKNOWN_PERSON: ExitCode.USAGE,
  E_WORKFLOW_LOAD: ExitCode.USAGE,
  E_WORKFLOW_NOT_FOUND: ExitCode.NOT_FOUND,
  E_WORKFLOW_STATE: ExitCode.CONFLICT,
  E_WORKFLOW_CONFLICT: ExitCode.CONFLICT,
  E_WORKFLOW_NONDETERMINISM: ExitCode.FAILED,
  E_WORKFLOW_STEP_RESULT: ExitCode.FAILED,
  E_WORKFLOW_INPUT: ExitCode.USAGE,
  E_WORKFLOW_FAILED: ExitCode.FAILED,
  E_GUIDED_INSTANCE_NOT_FOUND: ExitCode.NOT_FOUND,
  E_GUIDED_STEP_NOT_CURRENT: ExitCode.CONFLICT,
  E_GUIDED_STATE: ExitCode.CONFLICT,
  E_GUIDED_CONFLICT: ExitCode.CONFLICT,
  E_GUIDED_CONTEXT: ExitCode.USAGE,
  E_GUIDED_WORKFLOW_NOT_FOUND: ExitCode.NOT_FOUND,
  E_GUIDED_DEFINITION: ExitCode.USAGE,
  E_WORKFLOW_TASK_UNANSWERED: ExitCode.FAILED,
  E_PIPELINE_CONFLICT: ExitCode.CONFLICT,
  E_TOKEN_NOT_FOUND: ExitCode.NOT_FOUND,
  E_UNAUTHORIZED: ExitCode.USAGE,
  E_FORBIDDEN: ExitCode.CONFLICT,
  E_INTERNAL: ExitCode.INTERNAL,
};

export interface OrchestraErrorOptions {
  /** What to do about it. Shown after the message. */
  hint?: string;
  location?: SourceLocation;
  /** Extra lines shown under the message, such as a source excerpt with a caret. */
  detail?: string;
  cause?: unknown;
  /** Field-by-field problems (E_FORM_INVALID): which field, and what is wrong with it. */
  fields?: readonly FieldIssue[];
}

/** One field's problem in a form definition or an answer. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * An expected failure: something the user can fix. The CLI prints only its message, location and
 * hint (never a stack), and exits with the code derived from `code`.
 */
export class OrchestraError extends Error {
  override readonly name = 'OrchestraError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  readonly detail: string | undefined;
  readonly fields: readonly FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: OrchestraErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.detail = options.detail;
    this.fields = options.fields;
  }

  get exitCode(): ExitCode {
    return exitCodeOf[this.code];
  }
}

/** Recognised by shape, not `instanceof`, so errors that crossed a process boundary still count. */
export function isOrchestraError(value: unknown): value is OrchestraError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'OrchestraError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

export function exitCodeFor(code: ErrorCode): ExitCode {
  return exitCodeOf[code];
}
