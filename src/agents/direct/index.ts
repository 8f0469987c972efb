export { composeDefault, type ComposedPrompt, type PromptComposer } from './compose-default.js';
export { createDirectBackend, type DirectBackend, type DirectBackendOptions } from './direct-backend.js';
export { resolveModelBackendOptions, type ModelBackendOptions, type ResolvedModelBackendOptions } from './model-backend-options.js';
