import { trimOutput } from './trim-output.js';
import { fence } from './markdown-fence.js';

// The work under review goes into the critic's prompt; a few KB is enough to judge it by.
const shownChars = 8 * 1024;

export interface CriticPromptInput {
  nodeId: string;
  /** The prompt the agent worked from. */
  task: string;
  /** The agent's final answer. */
  response: string;
  question: string;
}

/** The prompt for a `check.critic`: the task, the agent's answer, the question, and the answer format. */
export function criticPrompt(input: CriticPromptInput): string {
  return [
    `You are a strict reviewer checking the work of the pipeline stage "${input.nodeId}".`,
    '',
    'The task the agent was given:',
    fence(trimOutput(input.task, shownChars)),
    '',
    "The agent's final answer:",
    fence(input.response.trim() === '' ? '(no answer text)' : trimOutput(input.response, shownChars)),
    '',
    `Question: ${input.question}`,
    '',
    'Look at the work (the files in the working directory too, if you can). Then answer with exactly',
    'PASS or FAIL alone on the first line, followed by your reasons on the next lines.',
  ].join('\n');
}

