export { allows, defineOperation, type Access, type ApiCaller, type HttpMethod, type Operation, type OperationCalls } from './operation.js';
export type { ApiDeps } from './deps.js';
export { requireKnownProject } from './known-project.js';
export { pageInput, pageOf } from './pagination.js';
export { operations } from './operations.js';
export { createHumanTaskSettings, type HumanTaskSettings, type HumanTaskSettingsOptions } from './human-task-settings.js';
export { humanTaskOperations } from './human-task-operations.js';
export { workflowOperations } from './workflow-operations.js';
export { notificationOperations } from './notification-operations.js';
