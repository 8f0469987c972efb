import type { WorkflowServiceContext } from '../workflows/context.js';
import type { ApiDeps } from './deps.js';
import type { ApiCaller } from './operation.js';

/**
 * The workflow services' context for an API caller: the caller's tenant. Only a start reads
 * `projectDir` (a known project, checked by the operation); the others act on stored instances.
 */
export function workflowContext(deps: ApiDeps, caller: ApiCaller, projectDir = deps.home): WorkflowServiceContext {
  return { store: deps.store, scope: caller.scope, clock: deps.clock, projectDir, ...(deps.loadWorkflows && { load: deps.loadWorkflows }) };
}
