export { createExitHandler } from './exit-handler.js';
