import { ExitCode } from '../core/index.js';
import type { CliIo, CliOutput, InterruptSignal } from './cli-io.js';

export interface Interrupts {
  /** Aborted by the first Ctrl-C (or SIGTERM, or SIGHUP); hand it to the engine. */
  readonly signal: AbortSignal;
  /** Removes the signal listeners; call when the command ends. */
  dispose(): void;
}

// SIGHUP (the terminal closed) too: left to its default it would end the process at once and
// leave the node's command running with the run still marked running.
const handled: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * First Ctrl-C: abort through the engine's signal so that the run is marked interrupted and its
 * last checkpoint kept. Second Ctrl-C: the user means it, exit at once (the checkpoint is already
 * durable, so nothing is lost but the node in progress).
 */
export function createInterrupts(io: Pick<CliIo, 'signals' | 'exit'> & { stderr: CliOutput }, message: string): Interrupts {
  const controller = new AbortController();
  const onSignal = function onInterruptSignal() {
    if (!controller.signal.aborted) {
      io.stderr.write(`\n${message} (Ctrl-C again to exit at once)\n`);
      controller.abort(new Error('Interrupted by the user'));
      return;
    }
    io.exit?.(ExitCode.INTERRUPTED);
  };
  for (const name of handled) io.signals?.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of handled) io.signals?.off(name, onSignal);
    },
  };
}
