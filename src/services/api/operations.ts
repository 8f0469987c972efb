import { humanTaskOperations } from './human-task-operations.js';
import { notificationOperations } from './notification-operations.js';
import type { Operation } from './operation.js';
import { tokenOperations } from './token-operations.js';
import { workflowOperations } from './workflow-operations.js';
import { taskOperations } from './task-operations.js';
import { pipelineOperations } from './pipeline-operations.js';
import { pipelineSourceOperations } from './pipeline-source-operations.js';
import { runOperations } from './run-operations.js';
import { approvalOperations } from './approval-operations.js';
import { guidedOperations } from './guided-operations.js';
import { workspaceOperations } from './workspace-operations.js';
import { projectOperations } from './project-operations.js';

/**
 * Every operation of the API (issue 12), in the order OpenAPI, MCP and docs list them. Each area
 * keeps its own list in its own file (`export const xOperations = [defineOperation({…}), …] as const`);
 * this is the one place they come together. Kept a tuple, so the typed client knows each by name.
 */
export const operations = [...projectOperations, ...pipelineOperations, ...pipelineSourceOperations, ...runOperations, ...workspaceOperations, ...taskOperations, ...humanTaskOperations, ...approvalOperations, ...workflowOperations, ...guidedOperations, ...notificationOperations, ...tokenOperations] as const satisfies readonly Operation[];
