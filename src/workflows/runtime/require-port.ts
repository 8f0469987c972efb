import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { WorkflowDeps } from './deps.js';
import type { WorkflowRun } from './workflow-run.js';

type Port = 'humanTasks' | 'agents' | 'pipelines' | 'definitions';

/** The port a durable call needs; a worker without it is a setup mistake, not the call's outcome, so nothing is journaled. */
export function requirePort<P extends Port>(run: WorkflowRun, port: P, call: string): NonNullable<WorkflowDeps[P]> {
  const found = run.deps[port];
  if (found) return found as NonNullable<WorkflowDeps[P]>;
  throw new OrchestraError(ErrorCode.INTERNAL, `workflow "${run.workflowName}" calls ${call} but this worker has no ${port} port`, {
    hint: 'Run workflows through the daemon or `orchestra worker`, which provide it (tests: pass it in WorkflowDeps).',
  });
}
