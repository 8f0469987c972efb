/*
 * Code-first durable workflows (issue 11): `workflow()` defines one; the durable calls (step, task,
 * sleep, waitForSignal, patched, agent, pipeline, child) inside it are journaled in the store and
 * answered from the journal when the instance is replayed after a restart. docs/workflow-runtime.md explains the rules.
 */
export { workflow, isWorkflowDefinition, type WorkflowContext, type WorkflowDefinition, type WorkflowOptions } from './definition.js';
export * from './runtime/index.js';
export { backendAgents, type BackendAgentsOptions } from './agents/backend-agents.js';
export { enginePipelines, type EnginePipelinesOptions } from './pipelines/engine-pipelines.js';
export { nodeWorkflows, type NodeWorkflowsOptions } from './dot-node/node-workflows.js';
