export { allows, defineOperation, type Access, type ApiCaller, type HttpMethod, type Operation, type OperationCalls } from './operation.js';
export type { ApiDeps } from './deps.js';
export { requireKnownProject } from './known-project.js';
export { pageInput, pageOf } from './pagination.js';
export { operations } from './operations.js';
export { taskOperations } from './task-operations.js';
export type { TaskCreate, TaskLogs, TaskMerge, TaskMerged, TaskPort, TaskStart } from './task-port.js';
