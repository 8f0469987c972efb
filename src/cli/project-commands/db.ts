import { ExitCode } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { prepareOrchestraHome } from '../../store/home.js';
import { migrateSqliteFile, sqliteSchemaStatus, type SchemaStatus } from '../../store/sqlite/index.js';
import type { CommandContext } from '../command-context.js';
import { resolveStoreLocation } from '../store-location.js';

export interface DbOptions {
  json?: boolean;
}

/** `orchestra db status`: the store's schema version against this Orchestra's, and what is pending. */
export async function dbStatusCommand(ctx: CommandContext, options: DbOptions): Promise<number> {
  const status = await sqliteSchemaStatus(resolveStoreLocation(ctx.io.env).dbPath);
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify(status)}\n`);
    return ExitCode.OK;
  }
  const lines = [`store:   ${status.path}${status.exists ? '' : ' (not created yet)'}`, `schema:  ${describeVersion(status)}`];
  if (status.pending.length > 0) {
    lines.push(`pending: ${plural(status.pending.length, 'migration')}`);
    lines.push(...status.pending.map((migration) => `  ${String(migration.version).padStart(3)}  ${migration.name}`));
    lines.push('Apply them with `orchestra db migrate` (any command that opens the store applies them too).');
  }
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.OK;
}

/**
 * `orchestra db migrate`: applies the pending migrations, forward only, each exactly once even when
 * several processes migrate at once (one IMMEDIATE transaction: see applyMigrations).
 */
export async function dbMigrateCommand(ctx: CommandContext, options: DbOptions): Promise<number> {
  const location = resolveStoreLocation(ctx.io.env);
  await prepareOrchestraHome(location.home);
  const applied = await migrateSqliteFile(location.dbPath);
  const status = await sqliteSchemaStatus(location.dbPath);
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ path: status.path, applied, current: status.current, latest: status.latest })}\n`);
    return ExitCode.OK;
  }
  const names = new Map(status.applied.map((migration) => [migration.version, migration.name]));
  const lines =
    applied.length === 0
      ? [`${status.path}: schema version ${status.current} is up to date; nothing to apply`]
      : [
          `${status.path}: applied ${plural(applied.length, 'migration')}, schema version ${status.current}`,
          ...applied.map((version) => `  ${String(version).padStart(3)}  ${names.get(version) ?? ''}`),
        ];
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.OK;
}

function describeVersion(status: SchemaStatus): string {
  if (status.current === -1) return `none yet, latest ${status.latest}`;
  return status.current === status.latest ? `version ${status.current}, up to date` : `version ${status.current}, latest ${status.latest}`;
}
