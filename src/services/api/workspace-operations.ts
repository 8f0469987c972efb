import { cleanupInput, cleanupProject, cleanupReport } from '../workspace/index.js';
import { requireKnownProject } from './known-project.js';
import { defineOperation } from './operation.js';

/** Git workspaces of pipeline runs (issue 14). */
export const workspaceOperations = [
  defineOperation({
    name: 'workspaces.cleanup',
    summary: "Clean up finished runs' branches and worktrees",
    description:
      "Removes the session branches and worktrees of your tenant's finished runs in the workspace repos of a project's orchestra.yaml, and the project's stale task worktrees, as `orchestra cleanup` does: work neither merged into the base branch nor pushed, uncommitted files and interrupted runs are kept unless `force`; a running run is never touched. Returns what was removed and kept, each with its reason; `dryRun` removes nothing.",
    access: 'write',
    destructive: true,
    input: cleanupInput,
    output: cleanupReport,
    http: { method: 'post', path: '/workspaces/cleanup' },
    mcp: 'workspace_cleanup',
    handle: (deps, caller, input) => cleanupProject(deps, { ...input, project: requireKnownProject(deps, input.project), tenant: caller.scope.tenant }, deps.clock.now()),
  }),
] as const;
