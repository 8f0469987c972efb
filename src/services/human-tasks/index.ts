export * from './public.js';
export { escalationTimerHandlers, type EscalationHandlerDeps } from './escalation-handlers.js';
export { startSlaSweeper, type SlaSweeperOptions } from './start-sla-sweeper.js';
