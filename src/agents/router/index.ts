export { createBackendRouter, type BackendRouterOptions } from './backend-router.js';
export { resolveNodeProfile, type NodeProfile } from './agent-profile.js';
export { withCallTimeLimit, DEFAULT_CALL_TIMEOUT_MS } from './call-time-limit.js';
export { checkRunNeeds, type RunNeedsInput } from './run-needs.js';
