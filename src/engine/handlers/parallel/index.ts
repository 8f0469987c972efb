export { createParallelHandler } from './parallel-handler.js';
export { findFanIn } from './find-fan-in.js';
export { JoinPolicy, joinStatus } from './join-policy.js';
export { PARALLEL_RESULTS_KEY, toParallelResult, type ParallelResult } from './parallel-results.js';
