export { createBackendRouter, type BackendRouterOptions } from './backend-router.js';
export { resolveNodeProfile, type NodeProfile } from './agent-profile.js';
