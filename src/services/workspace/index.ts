export { cleanupWorkspaces } from './cleanup-workspaces.js';
export { cleanupProject, type CleanupProjectDeps } from './cleanup-project.js';
export { cleanupInput, cleanupReport } from './schemas.js';
export { workspacesDir } from './workspaces-dir.js';
export type { CleanupItem, CleanupOptions, CleanupProblem, CleanupReport } from './cleanup-types.js';
