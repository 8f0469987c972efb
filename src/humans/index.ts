export type * from './interviewer.js';
export { matchAnswer, describeChoices, type MatchOptions } from './match-answer.js';
export { parseAccelerator, normalizeLabel, assignAcceleratorKeys, type ParsedLabel, type KeyedLabel } from './accelerator.js';
export * from './interviewers/index.js';
