export { createFanInHandler } from './fan-in-handler.js';
export { rankCandidates } from './rank-candidates.js';
export { readParallelResults } from './read-results.js';
