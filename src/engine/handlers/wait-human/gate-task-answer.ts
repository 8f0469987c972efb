import type { Outcome } from '../../../core/outcome.js';
import type { Answer, Question } from '../../../humans/interviewer.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import type { FormDefinition } from '../../../store/human-task-types.js';
import type { GateTaskRequest, GateTasks } from '../../gate-tasks.js';
import type { HandlerInput } from '../../handler.js';
import type { GateChoice } from './gate-choices.js';
import { answerContext, gateForm, gateTaskId } from './gate-form.js';
import { askThroughTask } from './gate-task-ask.js';
import { parseHumanEscalation } from './human-escalation.js';
import { choiceField, parseHumanForm } from './human-form.js';

export interface GateAsk {
  question: Question;
  choices: readonly GateChoice[];
  timeoutMs: number | undefined;
  defaultChoice: GateChoice | undefined;
}

/** The gate's answer as the interviewer path gives it, plus the `human.*` context keys of the task's answer. */
export type GateTaskAnswer = { answer: Answer; context: Record<string, unknown> } | { outcome: Outcome };

/** Asks a gate through its human task and turns how the task ended into the gate's answer. */
export async function askGateTask(input: HandlerInput, tasks: GateTasks, ask: GateAsk): Promise<GateTaskAnswer> {
  const { node } = input;
  const extra = extraFields(input);
  if ('outcome' in extra) return extra;
  const form = gateForm(ask.question.text, ask.choices, extra.form, ask.defaultChoice?.target);
  const escalation = escalationChain(input, form, ask.choices);
  if ('outcome' in escalation) return escalation;
  const request = { ...gateTaskRequest(input, form), ...(escalation.escalation && { escalation: escalation.escalation }) };
  const result = await askThroughTask(input, { tasks, request, question: ask.question, choices: ask.choices, timeoutMs: ask.timeoutMs });
  if (result.kind === 'timeout' || (result.kind === 'closed' && result.task.status === 'expired')) return { answer: { value: 'timeout', timedOut: true }, context: {} };
  if (result.kind === 'closed') return { outcome: { status: 'fail', failureReason: `Human task ${result.task.id} of gate "${node.id}" was ${result.task.status} before anyone answered.` } };
  const { task } = result;
  const target = task.answer?.[choiceField];
  const choice = ask.choices.find((candidate) => candidate.target === target);
  const option = choice && ask.question.options.find((candidate) => candidate.key === choice.key);
  const answer: Answer = option ? { value: option.key, selectedOption: option, text: option.label } : { value: String(target) };
  return { answer, context: answerContext(task) };
}

function extraFields(input: HandlerInput): { form: FormDefinition } | { outcome: Outcome } {
  const text = readString(input.node.attrs, 'human.form');
  if (text === undefined || text.trim() === '') return { form: {} };
  const parsed = parseHumanForm(text);
  if ('form' in parsed) return parsed;
  const problems = parsed.problems.map((problem) => problem.message).join('; ');
  return { outcome: { status: 'fail', failureReason: `human.form of node "${input.node.id}" is invalid: ${problems}` } };
}

function escalationChain(input: HandlerInput, form: FormDefinition, choices: readonly GateChoice[]): { escalation?: unknown[] } | { outcome: Outcome } {
  const text = readString(input.node.attrs, 'human.escalation');
  if (text === undefined || text.trim() === '') return {};
  const parsed = parseHumanEscalation(text, form, choices, readString(input.node.attrs, 'human.sla')?.trim());
  if ('escalation' in parsed) return parsed;
  return { outcome: { status: 'fail', failureReason: `human.escalation of node "${input.node.id}" is invalid: ${parsed.problems.map((problem) => problem.message).join('; ')}` } };
}

function gateTaskRequest(input: HandlerInput, form: FormDefinition): GateTaskRequest {
  const { node, run } = input;
  const assignee = readString(node.attrs, 'human.assignee')?.trim();
  const sla = readString(node.attrs, 'human.sla')?.trim();
  const title = form[choiceField]?.label ?? node.id;
  return {
    id: gateTaskId(run.id, node.id, input.visit ?? 'v1', input.attempt),
    runId: run.id,
    nodeId: node.id,
    title,
    description: `Gate \`${node.id}\` of pipeline run \`${run.id}\` waits for this answer; the choice picks the edge the run takes.`,
    form,
    context: { run: run.id, node: node.id, ...(input.graph.attrs['goal'] && { goal: readString(input.graph.attrs, 'goal') ?? '' }) },
    ...(assignee && { assignee }),
    ...(sla && { sla }),
  };
}
