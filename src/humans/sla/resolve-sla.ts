import { parseDuration } from '../../core/duration.js';
import type { EscalationFinal, EscalationStep } from '../../store/escalation-types.js';
import { HumanTaskPriorities, type FormDefinition, type HumanTaskPriority } from '../../store/human-task-types.js';
import { parseAssignee } from '../people/resolve-assignee.js';
import { validateAnswer } from '../tasks/validate-answer.js';
import { escalationError } from './sla-errors.js';
import type { EscalationStepInput, SlaInput } from './sla-input.js';

/** The SLA resolved: the due time after creation (if any) and the chain to store with the task. */
export interface ResolvedSla {
  slaMs?: number;
  chain: EscalationStep[];
}

const stepKeys = ['after', 'notify', 'remind', 'reassign', 'priority', 'answer', 'expire', 'cancel'];
const minRemindMs = 1_000;

/**
 * Checks an SLA and its escalation chain and resolves it: durations to ms (E_DURATION naming the
 * field), `reassign` to an Assignee, a default answer against `form` (E_FORM_INVALID), and the
 * chain's order (each step at or after the one before; a final action only on the last step).
 * Whether a reassigned user or group exists is for the caller, who knows `people:`.
 */
export function resolveSla(input: SlaInput, form: FormDefinition, field = 'escalation'): ResolvedSla {
  const slaMs = input.sla === undefined ? undefined : parseDuration(input.sla, 'sla');
  const steps = input.escalation ?? [];
  if (!Array.isArray(steps)) throw escalationError(field, 'must be a list of steps');
  const chain: EscalationStep[] = [];
  steps.forEach((raw, index) => {
    const where = `${field}[${index}]`;
    const step = resolveStep(raw, where, form, index === 0 ? slaMs : undefined);
    const previous = chain.at(-1);
    if (previous?.final) throw escalationError(`${field}[${index - 1}]`, 'ends the task (answer, expire or cancel), so it must be the last step');
    if (previous && step.afterMs < previous.afterMs) throw escalationError(`${where}.after`, 'must not be earlier than the step before it (`after` counts from the task\'s creation)');
    chain.push(step);
  });
  return { ...(slaMs !== undefined && { slaMs }), chain };
}

function resolveStep(raw: unknown, where: string, form: FormDefinition, defaultAfter: number | undefined): EscalationStep {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw escalationError(where, 'must be a mapping such as { after: 30m, reassign: group:NAME }');
  const input = raw as EscalationStepInput;
  const unknown = Object.keys(input).find((key) => !stepKeys.includes(key));
  if (unknown !== undefined) throw escalationError(`${where}.${unknown}`, `is not a step field (fields: ${stepKeys.join(', ')})`);
  if (input.after === undefined && defaultAfter === undefined) throw escalationError(`${where}.after`, 'is missing: say when the step fires, e.g. after: 30m');
  const afterMs = input.after === undefined ? (defaultAfter as number) : parseDuration(String(input.after), `${where}.after`);
  const step: EscalationStep = { afterMs };
  const notify = input.notify === undefined ? undefined : ([] as unknown[]).concat(input.notify);
  if (notify !== undefined) {
    if (notify.length === 0 || notify.some((name) => typeof name !== 'string' || name.trim() === '')) throw escalationError(`${where}.notify`, 'must name a channel, or a list of channels');
    step.notify = notify as string[];
  }
  const remind = resolveRemind(input.remind, `${where}.remind`);
  if (remind) step.remind = remind;
  if (input.reassign !== undefined) step.reassign = parseAssignee(String(input.reassign), `${where}.reassign`);
  if (input.priority !== undefined) {
    if (!(HumanTaskPriorities as readonly string[]).includes(input.priority)) throw escalationError(`${where}.priority`, `must be one of ${HumanTaskPriorities.join(', ')}, got ${JSON.stringify(input.priority)}`);
    step.priority = input.priority as HumanTaskPriority;
  }
  const final = resolveFinal(input, where, form);
  if (final) step.final = final;
  if (!step.notify && !step.remind && !step.reassign && !step.priority && !step.final) throw escalationError(where, 'does nothing: give it notify, remind, reassign, priority, or (last) answer, expire or cancel');
  return step;
}

function resolveRemind(value: EscalationStepInput['remind'], where: string): EscalationStep['remind'] {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  const every = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? value.every : undefined;
  if (every === undefined) {
    if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return {};
    throw escalationError(where, 'must be true, a duration (remind every …), or { every: DURATION }');
  }
  const everyMs = parseDuration(String(every), `${where}.every`);
  if (everyMs < minRemindMs) throw escalationError(`${where}.every`, `must be at least 1s, got ${JSON.stringify(every)}`);
  return { everyMs };
}

function resolveFinal(input: EscalationStepInput, where: string, form: FormDefinition): EscalationFinal | undefined {
  const given = (['answer', 'expire', 'cancel'] as const).filter((key) => input[key] !== undefined && input[key] !== false);
  if (given.length > 1) throw escalationError(where, `may end the task one way only, got ${given.join(' and ')}`);
  if (given[0] === 'answer') return { kind: 'answer', answer: validateAnswer(form, input.answer, `${where}.answer`) };
  if (given[0] === 'expire' || given[0] === 'cancel') {
    if (input[given[0]] !== true) throw escalationError(`${where}.${given[0]}`, 'must be true');
    return { kind: given[0] };
  }
  return undefined;
}
