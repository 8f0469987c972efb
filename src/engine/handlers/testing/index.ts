export { createHandlerHarness, cleanupHarnesses, type HandlerHarness, type HarnessOptions } from './handler-harness.js';
export { branchResult, deferred, type Deferred } from './branch-results.js';
export { createManualClock, type ManualClock } from './manual-clock.js';
