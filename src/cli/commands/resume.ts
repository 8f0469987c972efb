import { ExitCode } from '../../core/index.js';
import { resumeRun } from '../../engine/runner.js';
import { systemScopeFor } from '../../services/auth/index.js';
import type { CommandContext } from '../command-context.js';
import { resolveOutputMode } from '../output/progress-printer.js';
import { resolveRunRef } from '../run-ref.js';
import { openCliStore } from '../store-location.js';
import { driveRun, flagsForStoredRun } from './drive-run.js';

export interface ResumeOptions {
  simulate?: boolean;
  autoApprove?: boolean;
  quiet?: boolean;
  json?: boolean;
  /** Issue 14: continue the interrupted agent node from this turn (a whole number from 1). */
  turn?: string;
  /** Hidden: nobody is at a terminal (the daemon's resume of an answered run): gates wait for their tasks. */
  detached?: boolean;
}

/** `orchestra resume RUN`: continue at the last checkpoint's next node, with the run's stored source. */
export async function resumeCommand(ctx: CommandContext, ref: string, options: ResumeOptions): Promise<number> {
  const turn = options.turn === undefined ? undefined : Number(options.turn);
  if (turn !== undefined && (!Number.isInteger(turn) || turn < 1)) {
    ctx.io.stderr.write(`Not resumed: --turn takes a turn number from 1, not ${JSON.stringify(options.turn)}.\n`);
    return ExitCode.USAGE;
  }
  const { store, location } = await openCliStore(ctx.io.env);
  try {
    const run = await resolveRunRef(store, ref);
    return await driveRun(
      ctx,
      {
        store,
        location,
        pipelineFile: run.file,
        mode: resolveOutputMode(options),
        ...flagsForStoredRun(run, options),
        terminal: options.detached !== true,
        // Whoever resumes it (you, the daemon), the run goes on in the tenant it was started in.
        scope: systemScopeFor(run.tenant),
      },
      (engine) => resumeRun(run.id, engine, turn === undefined ? {} : { turn }),
    );
  } finally {
    await store.close();
  }
}
