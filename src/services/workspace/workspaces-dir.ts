import { join } from 'node:path';

/** Where run worktrees live (issue 14): `$ORCHESTRA_HOME/workspaces/{runId}/{repo}`, owner-only like the rest of the home. */
export function workspacesDir(home: string): string {
  return join(home, 'workspaces');
}
