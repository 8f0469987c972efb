import type { ModelMessage } from 'ai';
import type { ShellSandbox } from '../../config/index.js';
import { readInt } from '../../pipeline/graph/attr-read.js';
import type { AgentBackend, AgentRequest, AgentResult } from '../backend.js';
import { resolveModelBackendOptions, type ModelBackendOptions } from '../direct/model-backend-options.js';
import { addUsage, callModel, nodeModelSettings, noUsage, prepareModel, retryLogger, usageContextUpdates, writeUsageFile } from '../llm/index.js';
import { recordSdkWarnings } from '../llm/record-warnings.js';
import { withRetryActivity } from '../llm/retry-activity.js';
import { outcomeFromAnswer } from '../outcome/index.js';
import { runToolCall, type ToolCallScope } from './run-tool-call.js';
import { toolHooksOf } from './tool-hooks.js';
import { checkSandbox, toolsForModel } from './tools/index.js';
import { toolEnvFor, type ToolEnvSettings } from './tool-env.js';
import { usageRecord, writeTurn, type TurnRecord } from './turn-log.js';
import { agentWorkDir } from './work-dir.js';
import { turnWrites } from './turn-writes.js';
import { messagesOfTurns } from './resumed-turns.js';

/** Told after every model turn; the engine turns it into a run event. */
export interface AgentTurnEvent {
  runId: string;
  nodeId: string;
  turn: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: { name: string; isError: boolean; skippedByHook: boolean }[];
  /** Every workspace repo's HEAD after the turn's commit (issue 14); absent without a workspace. */
  commits?: Record<string, string>;
}

/** `env` holds the provider keys; the tools see only the part toolEnvFor lets through. */
export interface AgentBackendOptions extends ModelBackendOptions, ToolEnvSettings {
  onTurn?: (event: AgentTurnEvent) => void | Promise<void>;
  /** `agent.shell_sandbox`: run the shell tool inside bubblewrap; default `none`. */
  shellSandbox?: ShellSandbox;
}

export const defaultMaxTurns = 20;

/**
 * `backend=agent`: our own tool loop. Each turn is one model call; the tool calls it asks for run
 * in the node's working directory (never outside it), their results go back, until the model
 * answers without tools or `max_turns` (default 20) is reached. Every turn is written to
 * `turn-NNN.json` in the stage directory and reported through `onTurn`; the final answer becomes
 * the Outcome by outcomeFromAnswer, the usage goes to `usage.json` and the context. Nodes of one
 * `full`-fidelity thread continue the same conversation.
 */
export function createAgentBackend(options: AgentBackendOptions): AgentBackend & { run(request: AgentRequest): Promise<AgentResult> } {
  const { env, clock, random, compose, logger, threads } = resolveModelBackendOptions(options);
  return {
    name: 'agent',
    createsStageDir: true,
    async run(request) {
      if (request.signal.aborted) throw request.signal.reason;
      const { node } = request;
      const prepared = prepareModel(nodeModelSettings(node), options.resolveModel, env);
      const maxTurns = readInt(node.attrs, 'max_turns', `node "${node.id}"`) ?? readInt(request.graph.attrs, 'max_turns') ?? defaultMaxTurns;
      const sandbox = options.shellSandbox ?? 'none';
      await checkSandbox(sandbox, env, request.processes);
      // Its file tools may read earlier nodes' files from the run directory: they must be on disk first.
      await request.runFilesOnDisk?.();
      const scope: ToolCallScope = {
        tools: { workDir: await agentWorkDir(request), signal: request.signal, env: toolEnvFor(env, options, node, request.graph), sandbox, processes: request.processes },
        hooks: toolHooksOf(node, request.graph),
        nodeId: node.id,
        clock,
      };
      const { system, prompt } = compose(request);
      const resumed = request.resumedTurns ?? [];
      const messages: ModelMessage[] = [...threads.history(request), { role: 'user', content: prompt }, ...messagesOfTurns(resumed)];
      const deps = { env, clock, random, onRetry: withRetryActivity(retryLogger(logger, node.id, prepared.target.provider), request) };
      const tools = toolsForModel();
      let usage = noUsage;
      let lastText = '';
      for (let turn = resumed.length + 1; turn <= maxTurns; turn += 1) {
        const requestSummary = { messages: messages.length, last_message: summarize(messages[messages.length - 1]) };
        const result = await callModel(prepared, { ...(system === undefined ? {} : { system }), messages, tools, signal: request.signal }, deps);
        usage = addUsage(usage, result.usage);
        await recordSdkWarnings(request, result.warnings);
        lastText = result.text;
        messages.push(...result.responseMessages);
        if (result.toolCalls.length > 0) await request.emit?.({ type: 'agent.activity', node: node.id, activity: `tool ${result.toolCalls.map((call) => call.toolName).join(', ')}` });
        const calls = await runCalls(result.toolCalls, scope);
        if (calls.parts.length > 0) messages.push({ role: 'tool', content: calls.parts });
        const record: TurnRecord = {
          turn,
          provider: prepared.target.provider,
          model: prepared.target.model,
          request: requestSummary,
          text: result.text,
          finish_reason: result.finishReason,
          tool_calls: calls.records,
          usage: usageRecord(result.usage),
        };
        await writeTurn(request.stageDir, record);
        // Issue 14: the turn's files are committed before the turn is reported, with the heads.
        const commits = await request.commitTurn?.(turn, turnWrites(scope.tools.workDir, record.tool_calls));
        await options.onTurn?.({ ...turnEvent(request, record), ...(commits && { commits }) });
        if (result.toolCalls.length === 0) {
          threads.remember(request, messages);
          await writeUsageFile(request.stageDir, usage, prepared.target, turn);
          const answer = outcomeFromAnswer(result.text);
          return withUsage(answer, usageContextUpdates(usage, prepared.target.model));
        }
      }
      await writeUsageFile(request.stageDir, usage, prepared.target, maxTurns);
      const failureReason = `the agent used all ${maxTurns} turns (max_turns) without giving a final answer`;
      return withUsage({ outcome: { status: 'fail', failureReason }, response: lastText }, usageContextUpdates(usage, prepared.target.model));
    },
  };
}

async function runCalls(calls: Parameters<typeof runToolCall>[0][], scope: ToolCallScope) {
  const records: TurnRecord['tool_calls'] = [];
  const parts: Awaited<ReturnType<typeof runToolCall>>['part'][] = [];
  // One at a time: calls of one turn may depend on each other (write, then run).
  for (const call of calls) {
    const { record, part } = await runToolCall(call, scope);
    records.push(record);
    parts.push(part);
  }
  return { records, parts };
}

function withUsage(result: AgentResult, usage: Record<string, unknown>): AgentResult {
  return { ...result, outcome: { ...result.outcome, contextUpdates: { ...result.outcome.contextUpdates, ...usage } } };
}

function turnEvent(request: AgentRequest, record: TurnRecord): AgentTurnEvent {
  return {
    runId: request.runId,
    nodeId: request.node.id,
    turn: record.turn,
    inputTokens: record.usage.input_tokens,
    outputTokens: record.usage.output_tokens,
    costUsd: record.usage.cost_usd,
    toolCalls: record.tool_calls.map((call) => ({ name: call.name, isError: call.is_error, skippedByHook: call.skipped_by_hook === true })),
  };
}

function summarize(message: ModelMessage | undefined): string {
  if (message === undefined) return '';
  const text = typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
