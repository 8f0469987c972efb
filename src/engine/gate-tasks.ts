import type { FormDefinition, HumanTask, HumanTaskKind, JsonObject } from '../store/human-task-types.js';

/** What a gate asks for: its task, with an id that is the same every time this gate visit runs. */
export interface GateTaskRequest {
  /** Derived from run, node, visit and attempt (gateTaskId): a resumed visit finds its task again. */
  id: string;
  runId: string;
  nodeId: string;
  /** `form` when absent; `chat` for a turn of an interactive node. */
  kind?: HumanTaskKind;
  title: string;
  description: string;
  form: FormDefinition;
  context: JsonObject;
  /** `user:ID` / `group:ID`, checked against `people:` when the task is created. */
  assignee?: string;
  /** A duration (`30m`): the task is due that long after it is created. */
  sla?: string;
  /** The escalation chain (`human.escalation`, src/humans/sla/sla-input.ts): its timers fire the steps. */
  escalation?: unknown[];
}

/**
 * Human tasks as a gate sees them (issue 10: every gate is a stored human task). The way in that
 * drives the run (the CLI, the daemon) implements it over the human-task services, with its
 * tenant and acting user; the engine never makes a TenantScope. Without it gates only ask the
 * Interviewer, as before.
 */
export interface GateTasks {
  /** Creates the gate's task, or returns it when it exists already (a resumed visit). */
  open(request: GateTaskRequest): Promise<HumanTask>;
  /**
   * Answers as the person at this process's terminal, through the same service as `orchestra
   * answer` (validated, recorded with the acting user). E_HUMAN_TASK_STATE when another answer
   * came first.
   */
  answerHere(id: string, answer: JsonObject): Promise<HumanTask>;
  /**
   * Resolves once the task is completed (by any process or channel), taking its answer exactly
   * once (takeHumanTaskAnswer), or once it is expired or cancelled. Rejects when `signal` aborts.
   */
  settled(id: string, signal: AbortSignal): Promise<HumanTask>;
  /** Cancels the task (the gate stopped waiting: its own timeout); a task already settled stays as it is. Returns it as it ends up. */
  withdraw(id: string, reason: string): Promise<HumanTask>;
}
