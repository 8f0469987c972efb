import type { Answer, Interviewer } from '../interviewer.js';

/**
 * Nobody at a terminal (`orchestra run --detach`): questions are never answered here, so a gate
 * waits for its human task to be answered from anywhere else; messages go to `output` (the run's
 * log). A question ends only when its signal aborts.
 */
export function createAbsentInterviewer(output: NodeJS.WritableStream): Interviewer {
  return {
    ask(_question, signal): Promise<Answer> {
      return new Promise<Answer>((_resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    },
    inform(message, stage): Promise<void> {
      output.write(`[${stage}] ${message}\n`);
      return Promise.resolve();
    },
  };
}
