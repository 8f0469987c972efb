import { hostname } from 'node:os';
import type { ProcessRecorder } from '../../sessions/held-spawn.js';
import type { HandlerInput } from '../handler.js';

/**
 * Records the process groups a node's attempt starts (tool command, check commands, CLI agent) in
 * the run's store, for resume to end the ones a crash left running (engine/run/orphan-processes.ts).
 */
export function processRecorderFor(input: Pick<HandlerInput, 'run' | 'node' | 'attempt' | 'services'>): ProcessRecorder {
  const { store, clock } = input.services;
  const runId = input.run.id;
  return {
    async record(pid, startTime) {
      await store.recordNodeProcess({ runId, pid, startTime, host: hostname(), nodeId: input.node.id, attempt: input.attempt, startedAt: clock.now() });
      let ended: () => void = () => undefined;
      input.services.trackProcess?.(new Promise<void>((resolve) => (ended = resolve)));
      return () => store.clearNodeProcess(runId, pid).finally(ended);
    },
  };
}
