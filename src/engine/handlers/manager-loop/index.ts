export { createManagerLoopHandler } from './manager-loop-handler.js';
export { resolveManagerOptions, ManagerAction, type ManagerOptions } from './manager-options.js';
export { childTelemetry, type ChildTelemetry, type ChildStatus } from './child-telemetry.js';
