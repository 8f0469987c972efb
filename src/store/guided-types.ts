import type { JsonObject, NewHumanTask } from './human-task-types.js';

/*
 * Guided workflow instances as stored (seed 004, issue 13; the store part is guided.ts). The
 * orchestrator (src/engine/guided) decides; the store keeps an instance's state, its history (what
 * the agent reported) and every decision (what was asked, what came back, why) together, so
 * `orchestra guided show` can explain each step and a restarted server resumes from it.
 */

export const GuidedStatuses = ['running', 'waiting', 'completed', 'failed'] as const;
export type GuidedInstanceStatus = (typeof GuidedStatuses)[number];

/** What a waiting instance waits for: the human task or the coding task its step started. */
export interface GuidedWait {
  step: string;
  humanTaskId?: string;
  /** The coding task's reference (`<number>@<project>`), stored once the task exists and was started. */
  taskId?: string;
  /**
   * The coding task's slug, chosen and stored with the step's entry before the task is made: the
   * step visit's identity, by which a retry after a crash finds the task instead of making another.
   */
  taskSlug?: string;
  /** What the task is made with, kept until `taskId` is stored (a retry after a crash makes it from this). */
  taskRequest?: { description: string; agent?: string };
  /** Set when a person was asked to settle a resume: the two views they choose between. */
  reconcile?: { recorded: string; assumed: string };
}

export interface GuidedInstance {
  id: string;
  tenant: string;
  /** The definition's folder name, e.g. `REFACTOR_WITH_TESTS`. */
  workflowName: string;
  /** The definition's folder, resolved, so a resume reloads the same definition. */
  definitionDir: string;
  /** The project the instance works in, when started from one. */
  projectDir?: string;
  /** The step handed out last; absent once the instance completed or failed. */
  currentStep?: string;
  status: GuidedInstanceStatus;
  context: JsonObject;
  createdAt: number;
  updatedAt: number;
  waitingFor?: GuidedWait;
  /** Grows by one with every change: a change names the version it was decided on (E_GUIDED_CONFLICT otherwise). */
  version: number;
}

export type NewGuidedInstance = Omit<GuidedInstance, 'tenant' | 'updatedAt' | 'version'>;

/** One step the agent reported, in order. */
export interface GuidedHistoryEntry {
  seq: number;
  step: string;
  report: JsonObject;
  contextUpdates: JsonObject;
  at: number;
}

export type GuidedDecisionKind = 'start' | 'advance' | 'resume';

/** One decision: its input (what was sent to the model or the rules), its output and its reason. */
export interface GuidedDecisionRecord {
  seq: number;
  kind: GuidedDecisionKind;
  input: JsonObject;
  output: JsonObject;
  reason: string;
  /** `person`: someone answered the human task a resume asked them to settle. */
  by: 'model' | 'rules' | 'person';
  /** Why the model's answer was not used, when a model was asked and the rules decided. */
  fallback?: string;
  at: number;
}

export type NewGuidedHistoryEntry = Omit<GuidedHistoryEntry, 'seq'>;
export type NewGuidedDecision = Omit<GuidedDecisionRecord, 'seq'>;

/** The fields a change may set; null clears an optional one. */
export interface GuidedPatch {
  currentStep?: string | null;
  status?: GuidedInstanceStatus;
  context?: JsonObject;
  waitingFor?: GuidedWait | null;
  updatedAt: number;
}

/** One advance, resume or wake-up: written in one transaction, or not at all. */
export interface GuidedChange {
  /** The instance's version the change was decided on. */
  expectedVersion: number;
  patch: GuidedPatch;
  history?: NewGuidedHistoryEntry;
  decision?: NewGuidedDecision;
  /** A human task the new step waits for (or a person asked to reconcile), created with the change. */
  humanTask?: NewHumanTask;
}

export interface GuidedFilter {
  workflowName?: string;
  status?: readonly GuidedInstanceStatus[];
  /** At most this many, newest first (100 when absent). */
  limit?: number;
}
