import type { AgentRequest } from '../backend.js';

/** A call's provider warnings as the run's `log` events of the node (stored, not printed by `run`). */
export async function recordSdkWarnings(request: Pick<AgentRequest, 'emit' | 'node'>, warnings: readonly string[]): Promise<void> {
  for (const message of warnings) await request.emit?.({ type: 'log', level: 'info', node: request.node.id, message });
}
