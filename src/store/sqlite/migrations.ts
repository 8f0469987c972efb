import { apiMigrations } from './migrations-api.js';
import { guidedMigrations } from './migrations-guided.js';
import { runMigrations } from './migrations-runs.js';
import { webMigrations } from './migrations-web.js';
import { workMigrations } from './migrations-work.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/**
 * The SQLite schema, as an append-only list (migration.ts), in parts by area. A new migration goes
 * at the end of the last part (or in a new part after it).
 */
export const migrations: readonly Migration[] = [...runMigrations, ...workMigrations, ...apiMigrations, ...guidedMigrations, ...webMigrations];
