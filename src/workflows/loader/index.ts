export { loadWorkflows } from './load-workflows.js';
export type { LoadedWorkflow, LoadWorkflowsOptions, WorkflowRegistry } from './load-workflows.js';
export { requireWorkflow } from './require-workflow.js';
export { createModuleLoader, orchestraEntry } from './module-loader.js';
export type { ModuleLoader, ModuleLoaderOptions } from './module-loader.js';
