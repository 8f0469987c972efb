import { formatDuration } from '../../core/duration.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { formatAssignee } from '../../humans/tasks/eligibility.js';
import type { EscalationStep } from '../../store/escalation-types.js';
import type { HumanTask } from '../../store/human-task-types.js';
import { formatTimestamp } from '../output/format-time.js';

/**
 * The SLA's escalation chain as `inbox show` lists it, a line a step: when it fires (from the
 * task's creation), what it does, and whether it fired already. Empty without a chain.
 */
export function formatEscalation(task: Pick<HumanTask, 'createdAt' | 'escalation' | 'escalationChain'>): string[] {
  const chain = task.escalationChain ?? [];
  if (chain.length === 0) return [];
  return ['', 'escalation:', ...chain.map((step, index) => {
    const state = index < task.escalation.step ? 'fired' : index === task.escalation.step ? 'next' : 'later';
    return `  ${state.padEnd(5)}  after ${formatDuration(step.afterMs)} (${formatTimestamp(task.createdAt + step.afterMs)}): ${escapeTerminalText(stepActions(step))}`;
  })];
}

function stepActions(step: EscalationStep): string {
  const actions: string[] = [];
  if (step.notify) actions.push(`notify ${step.notify.join(', ')}`);
  if (step.remind) actions.push(step.remind.everyMs === undefined ? 'remind' : `remind every ${formatDuration(step.remind.everyMs)}`);
  if (step.reassign) actions.push(`reassign to ${formatAssignee(step.reassign)}`);
  if (step.priority) actions.push(`priority ${step.priority}`);
  if (step.final?.kind === 'answer') actions.push(`answer ${JSON.stringify(step.final.answer)}`);
  else if (step.final) actions.push(step.final.kind);
  return actions.join(', ');
}
