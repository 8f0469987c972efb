export { createRunWorkspaces } from './create-run-workspaces.js';
export type { RunWorkspacesOptions } from './options.js';
export type * from './types.js';
