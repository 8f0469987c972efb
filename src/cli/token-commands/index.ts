export { tokenCreateCommand } from './create.js';
export { tokenListCommand } from './list.js';
export { tokenRevokeCommand } from './revoke.js';
