export { createStartHandler } from './start-handler.js';
