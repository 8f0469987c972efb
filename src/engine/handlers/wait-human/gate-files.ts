import type { Question } from '../../../humans/interviewer.js';
import type { HandlerServices } from '../../handler.js';
import { writeStageFile } from '../stage-file.js';
import type { GateChoice } from './gate-choices.js';

/**
 * A human gate's record in its stage dir, like an LLM stage's (Attractor §5.6): `prompt.md` holds
 * the question as asked, `response.md` what came back.
 */
export async function writeGatePrompt(services: Pick<HandlerServices, 'files'>, stageDir: string, question: Question): Promise<void> {
  await writeStageFile(services, stageDir, 'prompt.md', gatePromptText(question));
}

export async function writeGateResponse(services: Pick<HandlerServices, 'files'>, stageDir: string, response: GateResponse): Promise<void> {
  await writeStageFile(services, stageDir, 'response.md', gateResponseText(response));
}

export function gatePromptText(question: Question): string {
  const options = question.options.map((option) => `- [${option.key}] ${option.label}`);
  return `${question.text}\n\n${options.join('\n')}\n`;
}

/** What a gate got: a choice (`how` says why, when not picked by the person), or an answer that names none. */
export type GateResponse = { choice: GateChoice; how?: string } | { answer: string; why: string };

export function gateResponseText(response: GateResponse): string {
  if ('answer' in response) return `${response.answer === '' ? '' : `${response.answer} `}(${response.why})\n`;
  const { choice, how } = response;
  return `[${choice.key}] ${choice.label}${how ? ` (${how})` : ''}\n`;
}
