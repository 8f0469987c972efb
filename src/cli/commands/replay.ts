import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/index.js';
import { replayRun } from '../../engine/runner.js';
import { systemScopeFor } from '../../services/auth/index.js';
import type { CommandContext } from '../command-context.js';
import { resolveOutputMode } from '../output/progress-printer.js';
import { resolveRunRef } from '../run-ref.js';
import { openCliStore } from '../store-location.js';
import { driveRun, flagsForStoredRun, isNewRunId, refuseDetachedAs } from './drive-run.js';

export interface ReplayOptions {
  checkpoint: string;
  logs?: string;
  simulate?: boolean;
  autoApprove?: boolean;
  quiet?: boolean;
  json?: boolean;
  /** Hidden: the new run's id, chosen by whoever spawned this process (the API's replay, issue 12); nobody is at a terminal. */
  detachedAs?: string;
  /** Hidden: a JSON object of context values replacing the checkpoint's (the API's replay with an edited context). */
  contextFile?: string;
}

/** `orchestra replay RUN --checkpoint N`: a new run forked from checkpoint N; the old run is untouched. */
export async function replayCommand(ctx: CommandContext, ref: string, options: ReplayOptions): Promise<number> {
  if (!isNewRunId(options.detachedAs)) return refuseDetachedAs(ctx.io);
  const seq = parseCheckpointNumber(options.checkpoint);
  const { store, location } = await openCliStore(ctx.io.env);
  try {
    const run = await resolveRunRef(store, ref);
    const overrides = {
      ...(options.logs !== undefined && { logsRoot: resolve(ctx.io.cwd, options.logs) }),
      ...(options.detachedAs !== undefined && { runId: options.detachedAs }),
      ...(options.contextFile !== undefined && { context: readContextFile(resolve(ctx.io.cwd, options.contextFile)) }),
    };
    return await driveRun(
      ctx,
      {
        store,
        location,
        pipelineFile: run.file,
        mode: resolveOutputMode(options),
        ...flagsForStoredRun(run, options),
        terminal: options.detachedAs === undefined,
        // The fork stays in its source run's tenant.
        scope: systemScopeFor(run.tenant),
      },
      (engine) => replayRun(run.id, seq, engine, overrides),
    );
  } finally {
    await store.close();
  }
}

export function parseCheckpointNumber(text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new OrchestraError(ErrorCode.USAGE, `--checkpoint expects a checkpoint number (1, 2, ...), got "${text}".`, {
      hint: 'See the checkpoints of a run with `orchestra runs <run> --detail`.',
    });
  }
  return value;
}

/** The context override file the daemon wrote: a JSON object of context keys and values. */
function readContextFile(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OrchestraError(ErrorCode.USAGE, `--context-file ${file} must hold a JSON object of context values.`, { hint: 'Write {"key": value, ...}.' });
  }
  return value as Record<string, unknown>;
}
