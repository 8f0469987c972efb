// The escalation chain's types live in human-task-types.ts (a task carries its chain); kept here
// as their own import path.
export type { EscalationFinal, EscalationStep } from './human-task-types.js';
