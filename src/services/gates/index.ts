export { createGateTasks, type GateTaskOptions } from './gate-tasks.js';
