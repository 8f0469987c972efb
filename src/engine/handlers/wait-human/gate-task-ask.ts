import { isOrchestraError } from '../../../core/errors.js';
import type { Question } from '../../../humans/interviewer.js';
import type { HumanTask, JsonObject } from '../../../store/human-task-types.js';
import type { GateTaskRequest, GateTasks } from '../../gate-tasks.js';
import type { HandlerInput } from '../../handler.js';
import { choiceForAnswer, type GateChoice } from './gate-choices.js';
import { askExtraFields } from './gate-form.js';
import { choiceField } from './human-form.js';
import { tenantFlagFor } from '../../../core/tenant-scope.js';

/** How a gate's task ended for the gate: answered (anywhere), out of time, or closed unanswered. */
export type GateTaskResult = { kind: 'answered'; task: HumanTask } | { kind: 'timeout' } | { kind: 'closed'; task: HumanTask };

export interface GateTaskAsk {
  tasks: GateTasks;
  request: GateTaskRequest;
  question: Question;
  choices: readonly GateChoice[];
  timeoutMs: number | undefined;
  /** How the terminal answers: by default a gate's choice, then its form's extra fields (answerAtTerminal). */
  atTerminal?: (input: HandlerInput, ask: GateTaskAsk, id: string, signal: AbortSignal) => Promise<GateTaskResult>;
  /** How to answer from anywhere, for the waiting line: `choice=<target>` by default. */
  answerHint?: string;
}

const tooManyTries = 3;

/**
 * Issue 10: the gate is a stored human task, and the terminal is one more way to answer it.
 * Whichever answer comes first wins: the person at the terminal (answered through the same
 * service as `orchestra answer`), or anyone else through the store; the other is withdrawn (the
 * terminal question is aborted). `human.timeout` withdraws the task itself.
 */
export async function askThroughTask(input: HandlerInput, ask: GateTaskAsk): Promise<GateTaskResult> {
  const { services, signal } = input;
  const { tasks } = ask;
  if (signal.aborted) throw signal.reason;
  const task = await tasks.open(ask.request);
  const local = new AbortController();
  const onAbort = () => local.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = new AbortController();
  try {
    if (task.status === 'open' || task.status === 'claimed') {
      await services.interviewer.inform(`Waiting for human task ${task.id}: answer here, or from anywhere with \`orchestra answer ${task.id} ${ask.answerHint ?? 'choice=<target>'}${tenantFlagFor(task.tenant)}\`.`, input.node.id);
    }
    const terminal = (ask.atTerminal ?? answerAtTerminal)(input, ask, task.id, local.signal);
    const contenders: Promise<GateTaskResult>[] = [settledResult(tasks.settled(task.id, local.signal)), terminal];
    if (ask.timeoutMs !== undefined) contenders.push(services.clock.sleep(ask.timeoutMs, timer.signal).then((): GateTaskResult => ({ kind: 'timeout' })));
    for (const contender of contenders) contender.catch(() => {});
    const first = await Promise.race(contenders);
    if (first.kind !== 'timeout') return first;
    // The timeout withdraws the task; an answer that slipped in first still wins.
    const after = await tasks.withdraw(task.id, 'human.timeout ran out');
    return after.status === 'completed' ? settledResult(tasks.settled(task.id, local.signal)) : first;
  } finally {
    local.abort(new Error('the gate stopped waiting'));
    timer.abort();
    signal.removeEventListener('abort', onAbort);
  }
}

async function settledResult(settled: Promise<HumanTask>): Promise<GateTaskResult> {
  const task = await settled;
  return task.status === 'completed' ? { kind: 'answered', task } : { kind: 'closed', task };
}

/**
 * The terminal's side: ask the choice (and the form's extra fields), then answer the task. Never
 * resolves when the terminal has nothing more to give (input ended without a default, another
 * answer came first, the acting user may not answer): the task's other ways in remain.
 */
async function answerAtTerminal(input: HandlerInput, ask: GateTaskAsk, id: string, signal: AbortSignal): Promise<GateTaskResult> {
  const { interviewer } = input.services;
  for (let tries = 0; tries < tooManyTries; tries += 1) {
    const answer = await interviewer.ask(ask.question, signal);
    if (answer.timedOut) return pending();
    const choice = answer.value === 'skipped' ? undefined : choiceForAnswer(ask.choices, ask.question, answer);
    if (!choice) {
      await interviewer.inform(`No answer at the terminal; human task ${id} stays open for an answer from anywhere else.`, input.node.id);
      return pending();
    }
    const extra = await askExtraFields(interviewer, ask.request.form, input.node.id, signal);
    const submitted = await submitHere(input, ask.tasks, id, { [choiceField]: choice.target, ...extra }, signal);
    if (submitted !== 'ask again') return submitted;
  }
  return pending();
}

/**
 * Answers the task as the person at the terminal and waits for it to settle; `ask again` when the
 * form refused the answer (explained at the terminal). Never resolves when another answer came
 * first or the acting user may not answer: the task's other ways in remain.
 */
export async function submitHere(input: HandlerInput, tasks: GateTasks, id: string, answer: JsonObject, signal: AbortSignal): Promise<GateTaskResult | 'ask again'> {
  try {
    await tasks.answerHere(id, answer);
    return await settledResult(tasks.settled(id, signal));
  } catch (error) {
    if (!isOrchestraError(error) || signal.aborted) throw error;
    if (error.code === 'E_HUMAN_TASK_STATE') return pending();
    await input.services.interviewer.inform(`${error.message}${error.hint ? `\n${error.hint}` : ''}`, input.node.id);
    return error.code === 'E_FORM_INVALID' ? 'ask again' : pending();
  }
}

/** A terminal with nothing more to give: the race goes on without it. */
export function pending(): Promise<never> {
  return new Promise<never>(() => {});
}
