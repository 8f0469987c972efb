import type { ToolResultPart } from 'ai';
import type { Clock } from '../../core/clock.js';
import type { ToolCallRecord } from './turn-log.js';
import { runToolHook, type ToolHooks } from './tool-hooks.js';
import { executeTool, truncateForModel, type ToolContext } from './tools/index.js';

export interface ToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
}

export interface ToolCallScope {
  tools: ToolContext;
  hooks: ToolHooks;
  nodeId: string;
  clock: Clock;
}

/**
 * One tool call with its hooks (decision 21): `pre` runs first and a non-zero exit skips the
 * call (the model is told why); `post` runs after and is only recorded. Returns the full record
 * for the turn log and the (possibly truncated) result part for the model.
 */
export async function runToolCall(call: ToolCall, scope: ToolCallScope): Promise<{ record: ToolCallRecord; part: ToolResultPart }> {
  const started = scope.clock.now();
  const hookBase = { toolName: call.toolName, nodeId: scope.nodeId, cwd: scope.tools.workDir, env: scope.tools.env, signal: scope.tools.signal, recorder: scope.tools.processes };
  const payload = { tool_name: call.toolName, tool_call_id: call.toolCallId, input: call.input };
  const record: ToolCallRecord = { id: call.toolCallId, name: call.toolName, input: call.input, output: '', is_error: false, duration_ms: 0 };

  if (scope.hooks.pre !== undefined) {
    const pre = await runToolHook({ ...hookBase, command: scope.hooks.pre, payload });
    record.hooks = { pre: { exit_code: pre.exitCode, output: pre.output } };
    if (pre.exitCode !== 0) {
      const reason = pre.output.trim() === '' ? '' : `: ${pre.output.trim()}`;
      record.output = `The call was blocked by the pre-tool hook (exit ${pre.exitCode ?? 'none'})${reason}`;
      record.is_error = true;
      record.skipped_by_hook = true;
    }
  }
  if (record.skipped_by_hook !== true) {
    const result = await executeTool(call.toolName, call.input, scope.tools);
    record.output = result.output;
    record.is_error = result.isError;
    if (scope.hooks.post !== undefined) {
      const post = await runToolHook({ ...hookBase, command: scope.hooks.post, payload: { ...payload, output: result.output, is_error: result.isError } });
      record.hooks = { ...record.hooks, post: { exit_code: post.exitCode, output: post.output } };
    }
  }
  record.duration_ms = scope.clock.now() - started;
  return { record, part: toolResultPart(record) };
}

/** What the model is told of a call: its output, truncated (the turn log keeps it whole). */
export function toolResultPart(record: ToolCallRecord): ToolResultPart {
  const value = truncateForModel(record.output);
  return {
    type: 'tool-result',
    toolCallId: record.id,
    toolName: record.name,
    output: record.is_error ? { type: 'error-text', value } : { type: 'text', value },
  };
}
