import { ExitCode } from '../../core/index.js';
import { followRun } from '../attach/follow-run.js';
import { endingFromEvent, endingFromRecord } from '../attach/run-ending.js';
import { createStoreWaker } from '../attach/store-waker.js';
import type { CommandContext } from '../command-context.js';
import { createInterrupts } from '../interrupt.js';
import { createProgressPrinter } from '../output/progress-printer.js';
import { exitCodeForEnding } from '../output/result-line.js';
import { resolveRunRef } from '../run-ref.js';
import { displayStateOf } from '../../services/runs/run-liveness.js';
import { openCliStore } from '../store-location.js';
import { escapeTerminalText } from '../../core/terminal-text.js';

export interface AttachOptions {
  json?: boolean;
}

/**
 * `orchestra attach RUN`: the run's events so far, then new ones as the driving process commits
 * them, until the run ends. Exits with the run's result code; Ctrl-C detaches (the run goes on).
 */
export async function attachCommand(ctx: CommandContext, ref: string, options: AttachOptions): Promise<number> {
  const { io } = ctx;
  const { store, location } = await openCliStore(io.env);
  const waker = createStoreWaker(location.dbPath);
  const interrupts = createInterrupts(io, 'Detaching');
  try {
    const run = await resolveRunRef(store, ref);
    const mode = options.json ? 'json' : 'human';
    if (mode === 'human') {
      const state = displayStateOf(run, await store.getLease(run.id), Date.now());
      io.stderr.write(ctx.err.dim(`Attached to run ${run.id} (${escapeTerminalText(run.pipeline)}, ${state}${run.currentNode ? ` at ${escapeTerminalText(run.currentNode)}` : ''}). Ctrl-C detaches; the run goes on.\n`));
    }
    const printer = createProgressPrinter(io.stdout, mode, ctx.out, { showQuestions: true });
    const end = await followRun(store, run.id, { onEvent: printer.onEvent, signal: interrupts.signal, wait: waker.wait, now: Date.now });
    switch (end.kind) {
      case 'detached':
        io.stderr.write(`Detached from run ${run.id}; it goes on. Attach again: orchestra attach ${run.id}\n`);
        return ExitCode.INTERRUPTED;
      case 'abandoned':
        io.stderr.write(`Run ${run.id} is marked running, but no process drives it (its lease lapsed).\n`);
        printer.finish(endingFromRecord({ ...end.run, state: 'interrupted' }));
        return ExitCode.INTERRUPTED;
      case 'stopped': {
        const ending = endingFromRecord(end.run);
        printer.finish(ending);
        return exitCodeForEnding(ending.state);
      }
      case 'ended': {
        const ending = endingFromEvent(end.event, end.run);
        printer.finish(ending);
        return exitCodeForEnding(ending.state);
      }
    }
  } finally {
    interrupts.dispose();
    waker.close();
    await store.close();
  }
}
