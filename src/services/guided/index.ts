export { advanceWorkflow, listInstances, listWorkflows, resumeWorkflow, showWorkflow, startWorkflow, workflowStatus, type GuidedDetail } from './guided-actions.js';
export type { GuidedServiceContext } from './guided-context.js';
export type { GuidedTasks } from './guided-task-port.js';
export * from './schemas.js';
