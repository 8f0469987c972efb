export { createToolHandler } from './tool-handler.js';
export { toolEnvironment, toolWorkingDirectory } from './tool-env.js';
