import type { SourceLocation } from '../core/source-location.js';

/**
 * A guided workflow (seed 004, issue 13) as parsed and validated from `workflows/NAME/index.md` and
 * `workflows/NAME/steps/STEP.md`. The texts are kept as written: the Client Instructions are
 * rendered with the instance's context when a step is handed out (values are data, never template
 * source), the Orchestrator Guidance goes to the model as is and its rule lines to decideByRules.
 */
export interface GuidedDefinition {
  /** The folder name, e.g. `REFACTOR_WITH_TESTS`. */
  name: string;
  /** The folder, resolved. */
  dir: string;
  /** index.md's title and goal text. */
  title: string;
  goal: string;
  /** The steps in the order index.md lists them: the rules' default order. */
  steps: GuidedStep[];
  /** The step an instance starts at: front matter `first_step`, else the first listed. */
  firstStep: string;
  /** The context variables index.md's front matter declares (`context: { name: type }`); others are allowed untyped. */
  context: Record<string, ContextVariable>;
}

export type ContextType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

export interface ContextVariable {
  type: ContextType;
  description?: string;
  required?: boolean;
  /** Where it is declared, for errors about values of the wrong type. */
  loc: SourceLocation;
}

export interface GuidedStep {
  /** The step's name, as index.md lists it and as its file is named (`steps/NAME.md`). */
  name: string;
  file: string;
  /** The short description index.md gives it after the name (`1. run_tests — run the suite`), if any. */
  description?: string;
  /** Where index.md lists it. */
  loc?: SourceLocation;
  /** The `# Orchestrator Guidance` section, as written. */
  guidance: string;
  /** The `# Client Instructions` section, as written (rendered with the context when handed out). */
  instructions: string;
  /** The rule lines found in the guidance, in order. */
  rules: StepRule[];
  /** Optional front matter: the step starts a coding-agent task or a human task and waits for it. */
  waitsFor?: StepWait;
}

/**
 * A guidance line the rules understand:
 * - `on failure: STEP` / `on success: STEP` / `on <status>: STEP` (the report's status);
 * - `when context.x = value: STEP` (`=` or `!=`; value compared as JSON when it parses, else as text);
 * - `next: STEP` (unconditional; `next: END` or `on success: END` completes the workflow, `FAIL` fails it).
 */
export type StepRule =
  | { kind: 'on-status'; status: string; next: string; loc: SourceLocation }
  | { kind: 'when'; path: string; op: '=' | '!='; value: unknown; next: string; loc: SourceLocation }
  | { kind: 'next'; next: string; loc: SourceLocation };

/** The reserved targets of a rule: completes, fails the instance. */
export const END_STEP = 'END';
export const FAIL_STEP = 'FAIL';

export type StepWait =
  | { kind: 'task'; description: string; agent?: string }
  | { kind: 'human-task'; title: string; assignee?: string; form?: unknown };

/** What an agent reports about a step (seed 004's `report`): extra fields are kept as data. */
export interface StepReport {
  step_id: string;
  status: string;
  result?: unknown;
  [field: string]: unknown;
}

export type GuidedStatus = 'running' | 'completed' | 'failed' | 'waiting';

/** What the orchestrator decided after a report (or on resume): stored with its input, shown by `orchestra guided show`. */
export interface NextStepDecision {
  /** The next step's name; undefined when the instance completed or failed. */
  next?: string;
  status: GuidedStatus;
  contextUpdates: Record<string, unknown>;
  reason: string;
  by: 'model' | 'rules';
  /** Why the model's answer was not used (failed, timed out, named a step that does not exist), when by is rules after a model was asked. */
  fallback?: string;
}
