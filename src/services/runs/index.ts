export { answerRunGate } from './answer.js';
export { cancelRun, type CancelOptions } from './cancel.js';
export { getRun } from './get.js';
export type { RunLaunch, RunLauncher } from './launch-port.js';
export { listRuns } from './list.js';
export { replayRun, resumeRun } from './resume.js';
export { isRunStale } from './run-liveness.js';
export * from './schemas.js';
export { startRun } from './start.js';
