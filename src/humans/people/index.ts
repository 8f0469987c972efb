export { resolveActor, type Identity } from './resolve-actor.js';
export { parseAssignee, resolveAssignee } from './resolve-assignee.js';
export { unknownPersonError } from './person-errors.js';
