import type { HttpMethod } from '../services/api/operation.js';

/** What the client needs of an operation to call it: its name and its REST route. */
export interface Route {
  name: string;
  http: { method: HttpMethod; path: string };
}

/**
 * The REST route of every operation (issue 12), in the order of the operation table
 * (src/services/api/operations.ts). The client calls these instead of importing the table, whose
 * handlers would load the store, the engine and the services into every program that only wants to
 * call the API; routes.test.ts keeps the two equal, so a new operation fails it until it is added here.
 */
export const routes = [
  { name: 'projects.list', http: { method: 'get', path: '/projects' } },
  { name: 'pipelines.list', http: { method: 'get', path: '/pipelines' } },
  { name: 'pipelines.validate', http: { method: 'post', path: '/pipelines/validate' } },
  { name: 'pipelines.render', http: { method: 'post', path: '/pipelines/render' } },
  { name: 'pipelines.read', http: { method: 'get', path: '/pipelines/source' } },
  { name: 'pipelines.save', http: { method: 'post', path: '/pipelines/source' } },
  { name: 'pipelines.attributes', http: { method: 'get', path: '/pipelines/attributes' } },
  { name: 'runs.list', http: { method: 'get', path: '/runs' } },
  { name: 'runs.get', http: { method: 'get', path: '/runs/{runId}' } },
  { name: 'runs.graph', http: { method: 'get', path: '/runs/{runId}/graph' } },
  { name: 'runs.start', http: { method: 'post', path: '/runs' } },
  { name: 'runs.cancel', http: { method: 'post', path: '/runs/{runId}/cancel' } },
  { name: 'runs.resume', http: { method: 'post', path: '/runs/{runId}/resume' } },
  { name: 'runs.replay', http: { method: 'post', path: '/runs/{runId}/replay' } },
  { name: 'runs.answer', http: { method: 'post', path: '/runs/{runId}/answer' } },
  { name: 'workspaces.cleanup', http: { method: 'post', path: '/workspaces/cleanup' } },
  { name: 'tasks.list', http: { method: 'get', path: '/tasks' } },
  { name: 'tasks.get', http: { method: 'get', path: '/tasks/{ref}' } },
  { name: 'tasks.status', http: { method: 'get', path: '/tasks/{ref}/status' } },
  { name: 'tasks.create', http: { method: 'post', path: '/tasks' } },
  { name: 'tasks.edit', http: { method: 'patch', path: '/tasks/{ref}' } },
  { name: 'tasks.start', http: { method: 'post', path: '/tasks/{ref}/start' } },
  { name: 'tasks.stop', http: { method: 'post', path: '/tasks/{ref}/stop' } },
  { name: 'tasks.complete', http: { method: 'post', path: '/tasks/complete' } },
  { name: 'tasks.review', http: { method: 'post', path: '/tasks/{ref}/review' } },
  { name: 'tasks.merge', http: { method: 'post', path: '/tasks/{ref}/merge' } },
  { name: 'tasks.diff', http: { method: 'get', path: '/tasks/{ref}/diff' } },
  { name: 'tasks.logs', http: { method: 'get', path: '/tasks/{ref}/logs' } },
  { name: 'humanTasks.list', http: { method: 'get', path: '/human-tasks' } },
  { name: 'humanTasks.get', http: { method: 'get', path: '/human-tasks/{id}' } },
  { name: 'humanTasks.create', http: { method: 'post', path: '/human-tasks' } },
  { name: 'humanTasks.claim', http: { method: 'post', path: '/human-tasks/{id}/claim' } },
  { name: 'humanTasks.release', http: { method: 'post', path: '/human-tasks/{id}/release' } },
  { name: 'humanTasks.answer', http: { method: 'post', path: '/human-tasks/{id}/answer' } },
  { name: 'humanTasks.reassign', http: { method: 'post', path: '/human-tasks/{id}/reassign' } },
  { name: 'humanTasks.cancel', http: { method: 'post', path: '/human-tasks/{id}/cancel' } },
  { name: 'approvals.request', http: { method: 'post', path: '/approvals' } },
  { name: 'workflows.start', http: { method: 'post', path: '/workflows' } },
  { name: 'workflows.list', http: { method: 'get', path: '/workflows' } },
  { name: 'workflows.get', http: { method: 'get', path: '/workflows/{id}' } },
  { name: 'workflows.signal', http: { method: 'post', path: '/workflows/{id}/signal' } },
  { name: 'workflows.cancel', http: { method: 'post', path: '/workflows/{id}/cancel' } },
  { name: 'guided.definitions', http: { method: 'get', path: '/guided-definitions' } },
  { name: 'guided.start', http: { method: 'post', path: '/guided' } },
  { name: 'guided.status', http: { method: 'get', path: '/guided/{instance_id}' } },
  { name: 'guided.advance', http: { method: 'post', path: '/guided/{instance_id}/advance' } },
  { name: 'guided.resume', http: { method: 'post', path: '/guided/{instance_id}/resume' } },
  { name: 'guided.show', http: { method: 'get', path: '/guided/{instance_id}/history' } },
  { name: 'guided.list', http: { method: 'get', path: '/guided' } },
  { name: 'notifications.list', http: { method: 'get', path: '/notifications' } },
  { name: 'tokens.list', http: { method: 'get', path: '/tokens' } },
  { name: 'tokens.create', http: { method: 'post', path: '/tokens' } },
  { name: 'tokens.revoke', http: { method: 'delete', path: '/tokens/{id}' } },
] as const satisfies readonly Route[];
