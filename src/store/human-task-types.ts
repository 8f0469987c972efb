/*
 * The stored shape of a human task (issue 10): what every Store keeps and hands back. The rules
 * (form validation, transitions, eligibility) live in src/humans/tasks; the store only keeps the
 * shape and makes each change atomic. JSON values (form defaults, context, answer) are plain data.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const HumanTaskStatuses = ['open', 'claimed', 'completed', 'expired', 'cancelled'] as const;
export type HumanTaskStatus = (typeof HumanTaskStatuses)[number];

/**
 * What answering the task means: `form`, one answer that completes it; `chat`, one turn of a
 * conversation with an interactive LLM node (issue 10): its form is a `message` (and maybe a
 * `choice`), its context holds the transcript so far, and the next turn is a new task.
 */
export const HumanTaskKinds = ['form', 'chat'] as const;
export type HumanTaskKind = (typeof HumanTaskKinds)[number];

export const HumanTaskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type HumanTaskPriority = (typeof HumanTaskPriorities)[number];

export const FormFieldTypes = ['text', 'textarea', 'number', 'boolean', 'select', 'multiselect', 'date', 'email', 'url'] as const;
export type FormFieldType = (typeof FormFieldTypes)[number];

/** One choice of a select or multiselect field, as in seed 000: `{ value: 'neutral', label: 'Neutral' }`. */
export interface FormOption {
  value: string;
  label: string;
}

/**
 * One field. `min`/`max` bound a number's value, a text's length, a multiselect's count of choices,
 * and (as `YYYY-MM-DD`) a date; `pattern` (RE2 syntax) applies to text, textarea, email and url.
 */
export interface FormField {
  type: FormFieldType;
  label?: string;
  help?: string;
  required?: boolean;
  default?: JsonValue;
  min?: number | string;
  max?: number | string;
  pattern?: string;
  options?: FormOption[];
}

/** Field name → field, in display order (seed 000's `form: { answer: {...}, sentiment: {...} }`). */
export type FormDefinition = Record<string, FormField>;

/** Who the task waits for; none means anyone in the tenant may answer. */
export interface Assignee {
  kind: 'user' | 'group';
  id: string;
}

/** What created the task: a pipeline gate (run and node), a workflow's task(), the API, the CLI. */
export type HumanTaskOrigin =
  | { kind: 'run'; runId: string; nodeId: string }
  | { kind: 'workflow'; workflowId: string; step?: string }
  /** A guided workflow's step that waits for a person, or a person asked to reconcile a resume (issue 13). */
  | { kind: 'guided'; guidedId: string; step?: string }
  | { kind: 'api'; by?: string }
  | { kind: 'cli'; by?: string };

/** Where the SLA's escalation chain stands: the next step to fire, and when the last one fired. */
export interface EscalationState {
  step: number;
  lastFiredAt?: number;
}

export const HumanTaskActions = ['created', 'claimed', 'released', 'reassigned', 'answered', 'expired', 'cancelled', 'escalated', 'answer-taken'] as const;
export type HumanTaskAction = (typeof HumanTaskActions)[number];

/** One change: who (a user id, or `system`), when, what, and the details of what changed. */
export interface HumanTaskHistoryEntry {
  seq: number;
  at: number;
  actor: string;
  action: HumanTaskAction;
  detail?: JsonObject;
}

export type HumanTaskHistoryInput = Omit<HumanTaskHistoryEntry, 'seq'>;

export interface HumanTask {
  id: string;
  tenant: string;
  kind: HumanTaskKind;
  title: string;
  /** Markdown. */
  description: string;
  form: FormDefinition;
  /** Shown to the person answering. */
  context: JsonObject;
  assignee?: Assignee;
  priority: HumanTaskPriority;
  status: HumanTaskStatus;
  createdAt: number;
  updatedAt: number;
  dueAt?: number;
  escalation: EscalationState;
  /** The SLA's escalation chain (escalation-types.ts), fixed at creation; absent when none. */
  escalationChain?: EscalationStep[];
  createdBy: HumanTaskOrigin;
  claimedBy?: string;
  answer?: JsonObject;
  answeredBy?: string;
  answeredAt?: number;
  /** Set once by takeHumanTaskAnswer: the waiting side has seen the answer (exactly once). */
  answerConsumedAt?: number;
  /** Grows by one with every change; history's last seq. */
  version: number;
  history: HumanTaskHistoryEntry[];
}

/** What createHumanTask needs; the store sets tenant (from the scope), status `open`, version and history. */
export interface NewHumanTask {
  id: string;
  /** `form` when absent. */
  kind?: HumanTaskKind;
  title: string;
  description?: string;
  form: FormDefinition;
  context?: JsonObject;
  assignee?: Assignee;
  priority?: HumanTaskPriority;
  dueAt?: number;
  escalationChain?: EscalationStep[];
  createdBy: HumanTaskOrigin;
  /** Who created it, for the `created` history entry. */
  actor: string;
  createdAt: number;
}

/** The fields a change may set; id, tenant, kind, form, createdBy and createdAt never change. */
export type HumanTaskState = Pick<HumanTask, 'title' | 'description' | 'context' | 'assignee' | 'priority' | 'status' | 'dueAt' | 'escalation' | 'claimedBy' | 'answer' | 'answeredBy' | 'answeredAt'>;

/** What a transition decides from the current task: the new state and the history entry saying why. */
export interface HumanTaskChange {
  next: HumanTaskState;
  entry: HumanTaskHistoryInput;
}

/** Which tasks to list; every filter narrows, `assignedTo` matches any of its parts. */
export interface HumanTaskFilter {
  status?: readonly HumanTaskStatus[];
  assignedTo?: { users?: readonly string[]; groups?: readonly string[]; unassigned?: boolean };
  /** Only tasks due at or before this time (SLA sweeps). */
  dueBefore?: number;
  /** Page size, 100 when absent, 1000 at most. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Tasks by due time (no due time last), then creation, then id: the overdue come first. */
export interface HumanTaskPage {
  tasks: HumanTask[];
  /** Present when more tasks follow. */
  nextCursor?: string;
}

/*
 * A human task's escalation chain as stored with the task (resolved: durations in ms, people
 * checked). Written by src/humans/sla/resolve-sla.ts from `sla:` and `escalation:`; fired by timers.
 */

/** What the chain's last step may do to a task nobody answered. */
export type EscalationFinal = { kind: 'answer'; answer: JsonObject } | { kind: 'expire' } | { kind: 'cancel' };

export interface EscalationStep {
  /** When it fires: this many ms after the task was created (not after the previous step). */
  afterMs: number;
  /** Channels to notify that the task escalated. */
  notify?: string[];
  /** Remind the assignee now, and again every `everyMs` until the task is answered (or a later step reminds instead). */
  remind?: { everyMs?: number };
  reassign?: Assignee;
  /** Raised to this priority (never lowered). */
  priority?: HumanTaskPriority;
  /** Only on the last step: the default answer, or expire, or cancel the task. */
  final?: EscalationFinal;
}
