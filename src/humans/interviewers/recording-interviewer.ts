import type { Answer, Interviewer, Question } from '../interviewer.js';

export interface Recording {
  question: Question;
  answer: Answer;
}

export interface RecordingInterviewer extends Interviewer {
  /** Every question asked through this interviewer and the answer it got, in order. */
  readonly recordings: readonly Recording[];
  /** Every message passed to `inform`, in order. */
  readonly messages: ReadonlyArray<{ message: string; stage: string }>;
}

/** Wraps another interviewer and keeps what was asked and answered (Attractor §6), for audits and tests. */
export function createRecordingInterviewer(inner: Interviewer): RecordingInterviewer {
  const recordings: Recording[] = [];
  const messages: Array<{ message: string; stage: string }> = [];
  return {
    recordings,
    messages,
    async ask(question: Question, signal?: AbortSignal): Promise<Answer> {
      const answer = await inner.ask(question, signal);
      recordings.push({ question: structuredClone(question), answer: structuredClone(answer) });
      return answer;
    },
    async inform(message: string, stage: string): Promise<void> {
      messages.push({ message, stage });
      await inner.inform(message, stage);
    },
  };
}
