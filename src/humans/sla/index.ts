export type { EscalationFinal, EscalationStep } from '../../store/escalation-types.js';
export type { EscalationStepInput, SlaInput } from './sla-input.js';
export { resolveSla, type ResolvedSla } from './resolve-sla.js';
export { nextEscalation, type NextEscalation } from './next-escalation.js';
export { applyEscalation } from './apply-escalation.js';
export { activeReminder, planEscalation, planReminder } from './plan-firing.js';
export { dueSoonTimer, escalationTimer, firstTimers, HumanTaskTimerKinds, isDueSoonNews, notifyTimer, reminderTimer } from './timer-kinds.js';
export { EscalationEvents, type EscalationEvent, type EscalationNotice, type EscalationNotifier } from './escalation-notifier.js';
export { escalationError } from './sla-errors.js';
