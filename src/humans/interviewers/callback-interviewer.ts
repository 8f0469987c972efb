import type { Answer, Interviewer, Question } from '../interviewer.js';

export type AskCallback = (question: Question, signal: AbortSignal | undefined) => Answer | Promise<Answer>;
export type InformCallback = (message: string, stage: string) => void | Promise<void>;

/** Delegates questions to a function: the bridge to Slack, the web, an API (Attractor §6). */
export function createCallbackInterviewer(ask: AskCallback, inform?: InformCallback): Interviewer {
  return {
    async ask(question: Question, signal?: AbortSignal): Promise<Answer> {
      if (signal?.aborted) throw signal.reason;
      return ask(question, signal);
    },
    async inform(message: string, stage: string): Promise<void> {
      await inform?.(message, stage);
    },
  };
}
