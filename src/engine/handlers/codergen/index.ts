export { createCodergenHandler } from './codergen-handler.js';
export { expandPrompt, promptTemplate } from './expand-prompt.js';
