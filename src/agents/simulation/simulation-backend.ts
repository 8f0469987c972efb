import { systemClock, type Clock } from '../../core/clock.js';
import type { Outcome } from '../../core/outcome.js';
import type { AgentBackend, AgentRequest, AgentResult } from '../backend.js';
import { readSimAttributes, simulatedStatusFor } from './sim-attributes.js';
import { readSimFiles, simulatedFileText, writeSimFiles } from './sim-files.js';

/** What a scripted node answers: response text (SUCCESS) or a full result. */
export type ScriptedResponse = string | AgentResult;

export interface SimulationBackendOptions {
  /**
   * Scripted answers per node id, for tests. An array is consumed one entry per call for that node
   * within a run (retries and revisits alike); calls past its end repeat the last entry.
   * A scripted node ignores its `sim.*` attributes.
   */
  responses?: Record<string, ScriptedResponse | readonly ScriptedResponse[]>;
  /** Time source for `sim.delay`. */
  clock?: Clock;
}

export interface SimulationBackend extends AgentBackend {
  /** Every request received, in order. */
  readonly requests: readonly AgentRequest[];
}

/**
 * The backend for `--simulate` (Attractor §4.5): answers `[Simulated] Response for stage: <id>`
 * without calling any model, or what the node's `sim.*` attributes (see sim-attributes.ts) or the
 * scripted `responses` say; `sim.files` makes it write real files in the working directory (sim-files.ts).
 */
export function createSimulationBackend(options: SimulationBackendOptions = {}): SimulationBackend {
  const clock = options.clock ?? systemClock;
  const requests: AgentRequest[] = [];
  const calls = new Map<string, number>();

  return {
    name: 'simulation',
    createsStageDir: true,
    requests,
    async run(request: AgentRequest): Promise<string | AgentResult> {
      if (request.signal.aborted) throw request.signal.reason;
      requests.push(request);
      const { node } = request;
      const callKey = `${request.runId}\u0000${node.id}`;
      const call = (calls.get(callKey) ?? 0) + 1;
      calls.set(callKey, call);
      const attrs = readSimAttributes(node);
      if (attrs.delayMs > 0) await clock.sleep(attrs.delayMs, request.signal);

      // A simulated critic approves, so `check.critic` does not fail every simulated run.
      if (request.purpose === 'critic' && options.responses?.[node.id] === undefined) return `PASS\n[Simulated] critic for stage: ${node.id}`;
      const scripted = options.responses?.[node.id];
      if (scripted !== undefined) return pickScripted(scripted, call);

      const files = readSimFiles(node);
      if (files.length > 0 && request.workDir !== undefined) {
        await writeSimFiles(request.workDir, files.map((path) => ({ path, text: simulatedFileText({ nodeId: node.id, path, call, prompt: request.prompt }) })));
      }
      const response = request.chat && request.chat.turn > 1 ? simulatedChatResponse(node.id, request.chat.turn, request.chat.reply) : simulatedResponse(node.id);
      const status = simulatedStatusFor(attrs, call);
      if (status === undefined && attrs.preferredLabel === undefined) return response;
      const outcome: Outcome = { status: status ?? 'success', notes: `[Simulated] ${status ?? 'success'} for stage: ${node.id} (call ${call})` };
      if (attrs.preferredLabel !== undefined) outcome.preferredLabel = attrs.preferredLabel;
      if (status === 'fail' || status === 'retry') outcome.failureReason = `[Simulated] ${status} for stage: ${node.id} (call ${call})`;
      return { outcome, response };
    },
  };
}

export function simulatedResponse(nodeId: string): string {
  return `[Simulated] Response for stage: ${nodeId}`;
}

/** A simulated answer to a person's reply in an interactive node's conversation (turn 2 on). */
export function simulatedChatResponse(nodeId: string, turn: number, reply: string | undefined): string {
  return `[Simulated] Response for stage: ${nodeId}, turn ${turn}${reply ? `, answering: ${reply.split('\n')[0]!.slice(0, 80)}` : ''}`;
}

function pickScripted(scripted: ScriptedResponse | readonly ScriptedResponse[], call: number): ScriptedResponse {
  const entry = isList(scripted) ? scripted[Math.min(call, scripted.length) - 1] : scripted;
  if (entry === undefined) return '';
  return typeof entry === 'string' ? entry : structuredClone(entry);
}

function isList(value: ScriptedResponse | readonly ScriptedResponse[]): value is readonly ScriptedResponse[] {
  return Array.isArray(value);
}
