export { startWorkflowWork, type WorkflowWork, type WorkflowWorkOptions } from './start-worker.js';
export { runWorkflowWorker, type ChangeFeed, type WorkflowWorkerOptions } from './run-worker.js';
export { WorkflowVersions, type FoundWorkflow } from './workflow-versions.js';
export { startProjectWorker, type ProjectWorker, type ProjectWorkerOptions } from './start-project-worker.js';
