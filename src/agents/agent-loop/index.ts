export { createAgentBackend, defaultMaxTurns, type AgentBackendOptions, type AgentTurnEvent } from './agent-backend.js';
export { toolEnvFor } from './tool-env.js';
export { toolHooksOf, type ToolHooks } from './tool-hooks.js';
export { turnFileName, type ToolCallRecord, type TurnRecord } from './turn-log.js';
export { agentWorkDir } from './work-dir.js';
