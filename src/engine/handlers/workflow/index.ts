export { createWorkflowHandler } from './workflow-handler.js';
export { workflowNodeRule } from './workflow-node-rule.js';
export { nodeWorkflowId, parseWorkflowInput } from './workflow-node.js';
