/*
 * Code-first durable workflows (issue 11): `workflow()` defines one; the durable calls (step, task,
 * sleep, waitForSignal, patched) inside it are journaled in the store and answered from the journal
 * when the instance is replayed after a restart. docs/workflow-runtime.md explains the rules.
 */
export { workflow, isWorkflowDefinition, type WorkflowContext, type WorkflowDefinition, type WorkflowOptions } from './definition.js';
export * from './runtime/index.js';
