import type { z } from 'zod';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';
import { apiRunView } from './api-view.js';
import { openGateTasksByRun } from './gate-tasks-of-runs.js';
import { viewOf } from './run-view.js';
import type { listRunsInput, runPage } from './schemas.js';

/**
 * The caller's runs, newest first, a page at a time. The cursor is the last run listed (its start
 * time and id), so runs started meanwhile do not shift the pages that follow.
 */
export async function listRuns(store: Store, scope: TenantScope, input: z.output<typeof listRunsInput>, now: number): Promise<z.input<typeof runPage>> {
  const all = (await store.listRuns(input.state === undefined ? {} : { state: input.state })).filter((run) => run.tenant === scope.tenant);
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  const start = after === undefined ? 0 : index(all, after);
  const page = all.slice(start, start + input.limit);
  const tasks = await openGateTasksByRun(store, page);
  // One query for the whole page's costs (an index of agent turns by run), not one per run.
  const costs = await store.runCosts(page.map((run) => run.id));
  const items = await Promise.all(page.map(async (run) => ({ ...apiRunView(await viewOf(store, run, now, tasks)), costUsd: costs.get(run.id) ?? 0 })));
  const last = page.at(-1);
  return { items, ...(last !== undefined && start + input.limit < all.length && { nextCursor: encodeCursor(last) }) };
}

interface Position {
  startedAt: number;
  id: string;
}

/** The first run listed after `after` (the store lists by start time, then id, both descending). */
function index(runs: readonly RunRecord[], after: Position): number {
  const found = runs.findIndex((run) => run.startedAt < after.startedAt || (run.startedAt === after.startedAt && run.id < after.id));
  return found < 0 ? runs.length : found;
}

function encodeCursor(run: Position): string {
  return Buffer.from(`${run.startedAt}.${run.id}`).toString('base64url');
}

/** A cursor that does not decode starts at the beginning: a cursor is opaque and only ever ours. */
function decodeCursor(cursor: string): Position | undefined {
  const match = /^(\d+)\.([0-9a-z]+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match === null ? undefined : { startedAt: Number(match[1]), id: match[2]! };
}
