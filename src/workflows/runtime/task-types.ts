import type { FormField, FormOption, HumanTaskPriority, JsonValue } from '../../store/human-task-types.js';
import type { EscalationStepInput } from '../../humans/sla/sla-input.js';
import type { DurationInput } from './duration.js';

/*
 * task()'s types: the form as written in the workflow (seed 000's `form: { answer: {...} }`), and
 * the answer's type inferred from it: a select's options become the union of their values, a
 * number field a number, a boolean a boolean, a field without `required: true` optional.
 */

/** One form field as a workflow writes it: the stored FormField, with read-only options so literals keep their values. */
export type FormFieldSpec = Omit<FormField, 'options'> & { options?: readonly FormOption[] };

/** A task's form as written: field name → field, in display order (seed 000's `form: { answer: {...}, sentiment: {...} }`). */
export type FormSpec = Readonly<Record<string, FormFieldSpec>>;

type OptionValue<F> = F extends { options: readonly (infer O)[] } ? (O extends { value: infer V } ? V : string) : string;

/** The answer type of one field. */
export type FieldValue<F extends FormFieldSpec> = F['type'] extends 'number'
  ? number
  : F['type'] extends 'boolean'
    ? boolean
    : F['type'] extends 'select'
      ? OptionValue<F>
      : F['type'] extends 'multiselect'
        ? OptionValue<F>[]
        : string;

type RequiredKeys<F extends FormSpec> = { [K in keyof F]: F[K] extends { required: true } ? K : never }[keyof F];
type Flatten<T> = { [K in keyof T]: T[K] };

/** The answer of a whole form: required fields present, the others optional. */
export type FormAnswer<F extends FormSpec> = Flatten<{ [K in RequiredKeys<F>]: FieldValue<F[K]> } & { [K in Exclude<keyof F, RequiredKeys<F>>]?: FieldValue<F[K]> }>;

/** Who answers: a group (anyone in it) or one user. */
export type TaskAssignee = { group: string } | { user: string };

/** What {@link task} asks: the form, who answers, by when, and what they see. */
export interface TaskOptions<F extends FormSpec> {
  /** Shown in the inbox and in notices. */
  title: string;
  /** Markdown. */
  description?: string;
  /** The fields to fill in; the answer's type is inferred from them. */
  form: F;
  /** Who may answer; anyone in the tenant when absent. */
  assignTo?: TaskAssignee;
  /** Shown to the person answering; undefined values are left out. */
  context?: { readonly [key: string]: JsonValue | undefined };
  /** Due this long after creation: timeout('30m'), '30m', or ms. */
  sla?: DurationInput;
  /** The escalation chain, as in orchestra.yaml (`{ after: '30m', reassign: 'group:support-l2' }`, …). */
  escalation?: EscalationStepInput[];
  /** How the inbox orders it. */
  priority?: HumanTaskPriority;
  /** The name the journal keeps (the title by default): give one when the title varies between runs. */
  name?: string;
}

/**
 * A completed task: its answer, typed from the form (required fields present, a select's value one
 * of its options). A task that ends unanswered does not return: task() throws TaskUnansweredError.
 */
export interface TaskResult<D> {
  status: 'completed';
  data: D;
  /**
   * Who answered: a user id, or `system` when the escalation chain's default answer completed it
   * (nobody answered in time). `unknown` for a task journaled before this was recorded.
   */
  answeredBy: string;
  /** When it was answered (ms since the epoch); 0 when not recorded. */
  answeredAt: number;
}
