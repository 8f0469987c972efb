export { cleanupWorkspaces } from './cleanup-workspaces.js';
export type { CleanupItem, CleanupOptions, CleanupProblem, CleanupReport } from './cleanup-types.js';
export { workspacesDir } from './workspaces-dir.js';
