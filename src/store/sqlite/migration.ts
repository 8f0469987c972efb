/**
 * One step of the SQLite schema (migrations.ts): its index in the list is the schema version,
 * recorded in `schema_migrations`. Never edit or reorder an entry that has shipped; add a new one.
 */
export interface Migration {
  name: string;
  sql: string;
}
