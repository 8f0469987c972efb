import type { Answer, Interviewer, Question } from '../interviewer.js';
import { matchAnswer } from '../match-answer.js';

export interface QueueInterviewer extends Interviewer {
  /** Answers not yet given. */
  readonly remaining: number;
}

/**
 * Gives pre-seeded answers in order, for tests and replays (Attractor §6). A string becomes an
 * answer with that value, and names the matching option when there is one. An empty queue answers
 * SKIPPED.
 */
export function createQueueInterviewer(answers: ReadonlyArray<Answer | string>): QueueInterviewer {
  const queue = [...answers];
  return {
    get remaining() {
      return queue.length;
    },
    async ask(question: Question): Promise<Answer> {
      const next = queue.shift();
      if (next === undefined) return { value: 'skipped' };
      return typeof next === 'string' ? toAnswer(question, next) : next;
    },
    async inform(): Promise<void> {},
  };
}

function toAnswer(question: Question, text: string): Answer {
  const selectedOption = matchAnswer(question, text);
  return selectedOption ? { value: selectedOption.key, selectedOption, text } : { value: text, text };
}
