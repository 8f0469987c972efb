export { runWatch } from './run-watch.js';
export { WatchApp, type WatchAppProps } from './watch-app.js';
export type { TaskRow, WatchOptions, WatchSource } from './watch-source.js';
export type { Notice, WatchLeave, WatchMemory } from './watch-memory.js';
