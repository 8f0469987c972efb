export { inboxCommand, inboxShowCommand } from './inbox.js';
export { answerCommand } from './answer.js';
export { changeCommand } from './claim.js';
export { createCommand } from './create.js';
