export { createConditionalHandler } from './conditional-handler.js';
