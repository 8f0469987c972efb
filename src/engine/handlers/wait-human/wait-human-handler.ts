import type { Outcome } from '../../../core/outcome.js';
import type { Answer, Question } from '../../../humans/interviewer.js';
import { describeChoices } from '../../../humans/match-answer.js';
import { ownerOf, readDurationMs, readString } from '../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { expandPrompt } from '../codergen/expand-prompt.js';
import { askWithTimeout } from './ask-with-timeout.js';
import { askGateTask } from './gate-task-answer.js';
import { writeGatePrompt, writeGateResponse } from './gate-files.js';
import { choiceForAnswer, gateChoices, toQuestionOptions, type GateChoice } from './gate-choices.js';

/**
 * A human gate (shape hexagon, decision 5): asks which outgoing edge to take. The chosen edge is
 * returned as `preferredLabel` and `suggestedNextIds`; a timeout takes `human.default_choice`.
 * With `services.humanTasks` the question is a stored human task (issue 10, gate-task-answer.ts).
 */
export function createWaitHumanHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, services } = input;
      const choices = gateChoices(input.graph, node.id);
      if (choices.length === 0) return { status: 'fail', failureReason: 'No outgoing edges for human gate' };

      const owner = ownerOf(node);
      const timeoutMs = readDurationMs(node.attrs, 'human.timeout', owner);
      const question: Question = {
        text: questionText(input),
        type: 'multiple_choice',
        options: toQuestionOptions(choices),
        stage: node.id,
      };
      if (timeoutMs !== undefined) question.timeoutSeconds = timeoutMs / 1000;
      const defaultText = readString(node.attrs, 'human.default_choice')?.trim();
      let defaultChoice: GateChoice | undefined;
      if (defaultText) {
        defaultChoice = choiceForAnswer(choices, question, { value: defaultText });
        if (!defaultChoice) {
          return { status: 'fail', failureReason: `human.default_choice "${defaultText}" of ${owner} matches no choice; the choices are ${describeChoices(question)}.` };
        }
        question.default = { value: defaultChoice.key, selectedOption: question.options.find((o) => o.key === defaultChoice!.key)! };
      }

      await writeGatePrompt(input.services, input.stageDir, question);
      await services.emit({ type: 'interview.started', node: node.id, question: question.text, options: question.options.map(({ key, label }) => ({ key, label })) });
      const startedAt = services.clock.now();
      const asked = services.humanTasks
        ? await askGateTask(input, services.humanTasks, { question, choices, timeoutMs, defaultChoice })
        : { answer: await askWithTimeout(services.interviewer, question, timeoutMs, services.clock, input.signal), context: {} };
      if ('outcome' in asked) return asked.outcome;
      const { answer } = asked;
      const durationMs = services.clock.now() - startedAt;

      if (answer.timedOut || answer.value === 'timeout') {
        await services.emit({ type: 'interview.timeout', node: node.id, question: question.text, durationMs });
        const choice = answer.value === 'timeout' ? defaultChoice : choiceForAnswer(choices, question, answer);
        if (!choice) {
          await writeGateResponse(input.services, input.stageDir, { answer: '', why: 'timed out, no default' });
          return { status: 'retry', failureReason: 'human gate timeout, no default' };
        }
        await writeGateResponse(input.services, input.stageDir, { choice, how: 'timed out, took the default' });
        return chosen(choice, 'timed out, took the default');
      }

      await services.emit({ type: 'interview.completed', node: node.id, question: question.text, answer: answerText(answer), durationMs });
      const choice = answer.selectedOption || answer.value !== 'skipped' ? choiceForAnswer(choices, question, answer) : undefined;
      if (choice) {
        await writeGateResponse(input.services, input.stageDir, { choice });
        return chosen(choice, 'selected', asked.context);
      }
      if (answer.value === 'skipped') {
        await writeGateResponse(input.services, input.stageDir, { answer: '', why: 'skipped' });
        return { status: 'fail', failureReason: 'human skipped interaction' };
      }
      await writeGateResponse(input.services, input.stageDir, { answer: answerText(answer), why: 'matches no choice' });
      return { status: 'fail', failureReason: `Answer "${answerText(answer)}" matches no choice of human gate "${node.id}"; the choices are ${describeChoices(question)}.` };
    },
  };
}

/** The gate's `label`, rendered like a prompt (`$goal`, run variables, `${context.key}`), once. */
function questionText(input: HandlerInput): string {
  const label = readString(input.node.attrs, 'label')?.trim();
  if (!label) return 'Select an option:';
  return expandPrompt(label, input.graph, input.context, input.run.variables, input.node, 'label').trim() || 'Select an option:';
}

function chosen(choice: GateChoice, how: string, context: Record<string, unknown> = {}): Outcome {
  return {
    status: 'success',
    preferredLabel: choice.label,
    suggestedNextIds: [choice.target],
    contextUpdates: { ...context, 'human.gate.selected': choice.key, 'human.gate.label': choice.label },
    notes: `Human gate ${how}: [${choice.key}] ${choice.label}`,
  };
}

function answerText(answer: Answer): string {
  return answer.selectedOption?.label ?? answer.text ?? answer.value;
}
