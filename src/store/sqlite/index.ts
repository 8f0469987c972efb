export { openSqliteStore, migrateSqliteFile, defaultBusyTimeoutMs } from './open-sqlite-store.js';
export { sqliteSchemaStatus } from './schema-status.js';
export type { SchemaStatus } from './schema-status.js';
export type { SqliteStoreOptions } from './open-sqlite-store.js';
export type { SqliteStore } from './sqlite-store.js';
export { migrations } from './migrations.js';
export type { Migration } from './migrations.js';
export { damagedStoreHint } from './store-damage.js';
export type { StoreHealth } from './store-health.js';
