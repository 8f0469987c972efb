/*
 * The workflow services (issue 11): start, list, show, signal, cancel and fork instances of a
 * project's code-first workflows, in the caller's tenant. Workers run the instances; these only
 * record them and what happens to them.
 */
export type { WorkflowServiceContext } from './context.js';
export { startWorkflowInstance } from './start.js';
export { listWorkflowInstances } from './list.js';
export { getWorkflowInstance, type PendingWorkflowTask, type WorkflowInstanceDetail } from './show.js';
export { signalWorkflowInstance } from './signal.js';
export { cancelWorkflowInstance } from './cancel.js';
export { forkWorkflowInstance, type ForkedWorkflow } from './fork.js';
