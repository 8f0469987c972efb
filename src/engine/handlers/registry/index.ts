export { createHandlerRegistry } from './handler-registry.js';
export { createDefaultRegistry, BuiltInHandlerType } from './default-registry.js';
