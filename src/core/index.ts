export * from './errors.js';
export * from './source-location.js';
export * from './duration.js';
export * from './ids.js';
export * from './clock.js';
export * from './logger.js';
export * from './events.js';
export * from './outcome.js';
