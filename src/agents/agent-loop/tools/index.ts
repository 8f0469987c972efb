export { confinePath, isInside } from './confine-path.js';
export { compileGlob } from './glob.js';
export { replaceExactlyOnce } from './replace-exactly-once.js';
export { runProcess, type ProcessResult, type RunProcessOptions } from './run-process.js';
export { shellLimits } from './shell-tool.js';
export type { ToolContext } from './tool-context.js';
export { agentTools, executeTool, toolsForModel, type ToolCallResult } from './tool-set.js';
export { modelOutputLimit, truncateForModel } from './truncate-output.js';
export { bubblewrapArgs, checkSandbox, shellArgv } from './shell-sandbox.js';
