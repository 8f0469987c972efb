export { agentLibrary } from './agent-library.js';
export { agentLibraryOutput, type AgentLibrary, type AgentView, type ComposedPipelineView, type ProfileView, type PromptLayerView } from './schemas.js';
