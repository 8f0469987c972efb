import { readString } from '../../pipeline/graph/attr-read.js';
import type { Graph, GraphNode } from '../../pipeline/graph/model.js';
import type { ProcessRecorder } from '../../sessions/held-spawn.js';
import { runProcess } from './tools/index.js';

/** `tool_hooks.pre` / `tool_hooks.post` of the node, else of the graph (decision 21). */
export interface ToolHooks {
  pre: string | undefined;
  post: string | undefined;
}

export function toolHooksOf(node: GraphNode, graph: Graph): ToolHooks {
  const pick = (key: string) => {
    const value = (readString(node.attrs, key) ?? readString(graph.attrs, key))?.trim();
    return value === '' ? undefined : value;
  };
  return { pre: pick('tool_hooks.pre'), post: pick('tool_hooks.post') };
}

export interface HookRun {
  exitCode: number | null;
  output: string;
}

export interface HookCall {
  command: string;
  toolName: string;
  nodeId: string;
  /** Sent as JSON on stdin: the call, and for `post` its result. */
  payload: Record<string, unknown>;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  /** Stores the hook's process group before it runs (see spawnHeld). */
  recorder: ProcessRecorder | undefined;
}

const hookTimeoutMs = 60_000;

/**
 * Runs a hook with `/bin/sh -c` as the pipeline author wrote it (like tool_command, decision 7):
 * the call reaches it as TOOL_NAME and NODE_ID and as JSON on stdin, never spliced into the
 * command. A hook that cannot start or times out counts as a non-zero exit.
 */
export async function runToolHook(call: HookCall): Promise<HookRun> {
  const env = { ...call.env, TOOL_NAME: call.toolName, NODE_ID: call.nodeId };
  try {
    const result = await runProcess('/bin/sh', ['-c', call.command], { cwd: call.cwd, env, stdin: JSON.stringify(call.payload), timeoutMs: hookTimeoutMs, signal: call.signal, recorder: call.recorder });
    return { exitCode: result.timedOut ? null : result.exitCode, output: result.output };
  } catch (error) {
    if (call.signal.aborted) throw error;
    return { exitCode: null, output: error instanceof Error ? error.message : String(error) };
  }
}
