export type { Store } from './store.js';
export type * from './types.js';
export type { NodeProcess } from './node-process.js';
export { openSqliteStore, defaultBusyTimeoutMs } from './sqlite/index.js';
export type { SqliteStore, SqliteStoreOptions } from './sqlite/index.js';
export { createMemoryStore } from './memory/index.js';
export { resolveOrchestraHome, defaultDbPath, defaultRunsDir } from './home.js';
export { isLeaseExpired } from './lease-rules.js';
export * from './run-dir/index.js';
