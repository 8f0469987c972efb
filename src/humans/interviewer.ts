/**
 * Human-in-the-loop questions (Attractor §6). `chat` is one turn of an interactive node's
 * conversation (issue 10): free text answering `body` (the model's message); `/done` ends the
 * chat, and `/KEY` (an option's key or label) ends it with that option.
 */
export type QuestionType = 'yes_no' | 'multiple_choice' | 'freeform' | 'confirmation' | 'chat';

export interface QuestionOption {
  /** Accelerator key, e.g. `A` for `[A] Approve`. */
  key: string;
  label: string;
  /** What the choice stands for (a human gate's edge target); an answer may name it (decision 5). */
  id?: string;
}

export interface Question {
  text: string;
  /** Multi-line text shown before the question (a chat's model message); its lines are kept. */
  body?: string;
  type: QuestionType;
  options: QuestionOption[];
  /** Used when the question times out. */
  default?: Answer;
  timeoutSeconds?: number;
  /** The node asking. */
  stage: string;
  metadata?: Record<string, unknown>;
}

export type AnswerValue = 'yes' | 'no' | 'skipped' | 'timeout';

export interface Answer {
  /** An AnswerValue, or the chosen option's key, or free text. */
  value: AnswerValue | string;
  selectedOption?: QuestionOption;
  text?: string;
  /** True when nobody answered in time: the value is `timeout`, or the question's default. */
  timedOut?: boolean;
}

/** Asks people questions. Console, auto-approve, queue, recording and callback implement it. */
export interface Interviewer {
  ask(question: Question, signal?: AbortSignal): Promise<Answer>;
  /** Tells the person something without expecting an answer. */
  inform(message: string, stage: string): Promise<void>;
}
