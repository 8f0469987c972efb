export { advanceGuided, getGuidedStatus, loadGuided, startGuided } from './orchestrator.js';
export { resumeGuided } from './resume.js';
export { stepDeciderFromEnvironment, requestTimeoutMs, defaultRequestTimeoutMs } from './decider-from-environment.js';
export { createModelStepDecider } from './model-step-decider.js';
export { ASK_PERSON, type StepAnswer, type StepDecider, type StepDecisionRequest } from './step-decider.js';
export type { AdvanceInput, GuidedAnswer, GuidedDeps, GuidedTaskPort, GuidedTaskRequest, GuidedTaskState, ResumeInput, StartInput } from './guided-types.js';
