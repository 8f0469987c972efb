import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentBackend, AgentRequest } from '../../agents/backend.js';
import type { SourceLocation } from '../../core/source-location.js';
import type { AttrValue, Graph, GraphNode } from '../../pipeline/graph/model.js';
import type { JsonObject } from '../../store/human-task-types.js';
import type { WorkflowAgentRequest, WorkflowAgentResponse, WorkflowAgents } from '../runtime/ports.js';

export interface BackendAgentsOptions {
  /** Where each call's stage directory goes: `<stageRoot>/<instance>/<position>` (prompt files, usage.json). */
  stageRoot: string;
  /** Aborting it stops calls in flight (a worker shutting down); the call is then not journaled. */
  signal?: AbortSignal;
}

const loc: SourceLocation = { file: '<workflow>', line: 1, column: 1 };

/**
 * The `agents` port over a pipeline AgentBackend (the backend router in a worker, the simulation
 * backend in tests): each call becomes the request a codergen node would send, with the call's
 * backend, agent, model and provider as node attributes, so the router picks and configures the
 * backend the same way it does for a DOT node.
 */
export function backendAgents(backend: AgentBackend, options: BackendAgentsOptions): WorkflowAgents {
  return {
    async call(request) {
      const node = callNode(request);
      const stageDir = join(options.stageRoot, safeName(request.workflowId), request.id.slice(request.id.lastIndexOf(':') + 1));
      if (!backend.createsStageDir) await mkdir(stageDir, { recursive: true, mode: 0o700 });
      const graph: Graph = { name: request.workflowId, file: '<workflow>', attrs: {}, nodes: new Map([[node.id, node]]), edges: [], loc };
      const agentRequest: AgentRequest = {
        node, graph, prompt: request.prompt, context: request.context, fidelity: 'compact', threadId: undefined, preamble: '',
        stageDir, runId: request.workflowId, attempt: 1, signal: options.signal ?? new AbortController().signal,
      };
      return toResponse(await backend.run(agentRequest));
    },
  };
}

function callNode(request: WorkflowAgentRequest): GraphNode {
  const attrs: Record<string, string> = { prompt: request.prompt };
  if (request.backend !== undefined) attrs['backend'] = request.backend;
  if (request.agent !== undefined) attrs['agent'] = request.agent;
  if (request.model !== undefined) attrs['llm_model'] = request.model;
  if (request.provider !== undefined) attrs['llm_provider'] = request.provider;
  const entries = Object.entries(attrs).map(([key, value]) => [key, { key, value: { kind: 'string', value } as AttrValue, loc }]);
  return { id: safeName(request.name), attrs: Object.fromEntries(entries), classes: [], subgraphs: [], loc, implicit: false };
}

function toResponse(result: Awaited<ReturnType<AgentBackend['run']>>): WorkflowAgentResponse {
  if (typeof result === 'string') return { status: 'success', text: result, data: {} };
  const { outcome } = result;
  return {
    status: outcome.status,
    text: result.response ?? outcome.notes ?? '',
    ...(outcome.failureReason !== undefined && { failureReason: outcome.failureReason }),
    data: JSON.parse(JSON.stringify(outcome.contextUpdates ?? {})) as JsonObject,
  };
}

/** A node id / directory name: the name itself when it is safe, else a hash of it. */
function safeName(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/.test(name) ? name : `c${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}
