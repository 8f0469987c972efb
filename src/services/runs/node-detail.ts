import type { z } from 'zod';
import type { RunEvent } from '../../core/events.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { RunFile } from '../../store/run-file.js';
import type { Store } from '../../store/store.js';
import { apiNodeView } from './api-view.js';
import type { runNodeDetail } from './node-schemas.js';
import { requireRunOf } from './require-run.js';
import { withDiffs } from './turn-diffs.js';

type NodeDetail = z.input<typeof runNodeDetail>;
type TurnEvent = Extract<RunEvent, { type: 'agent.turn' }>;

const textLimit = 200_000;
const toolOutputLimit = 65_536;

/**
 * One node of a run as the dashboard's node panel shows it: its executions, the files of its
 * latest visit kept in the store (prompt, response, outcome, checks), its streamed tool output,
 * and its agent turns with the commits each made, so a turn's diff can be asked of git.
 */
export async function getRunNode(store: Store, scope: TenantScope, runId: string, nodeId: string): Promise<NodeDetail> {
  const run = await requireRunOf(store, scope, runId);
  const executions = (await store.listNodeRecords(run.id)).filter((record) => record.nodeId === nodeId).map(apiNodeView);
  const files = latestVisitFiles(await store.listRunFiles(run.id), nodeId);
  const events = await store.readEvents(run.id, 0);
  const turns = await withDiffs(turnsOf(events, nodeId));
  const toolOutput = events.flatMap((event) => (event.type === 'tool.output' && event.node === nodeId ? [event.text] : [])).join('');
  const status = parseObject(files.get('status.json'));
  const context = parseObject(files.get('context.json'));
  const checks = parseObject(files.get('checks.json'))?.results;
  return {
    runId: run.id,
    nodeId,
    executions,
    ...optionalText('prompt', files.get('prompt.md') ?? files.get('prompt.txt')),
    ...optionalText('response', files.get('response.md')),
    ...(status !== undefined && { status }),
    ...(context !== undefined && { context }),
    ...(toolOutput !== '' && { toolOutput: toolOutput.slice(-toolOutputLimit) }),
    ...(Array.isArray(checks) && { checks: checks as NonNullable<NodeDetail['checks']> }),
    turns,
    costUsd: turns.reduce((sum, turn) => sum + turn.costUsd, 0),
  };
}

/**
 * The node's files at the spec's paths (`{node}/prompt.md`), of its latest loop restart
 * (`restart-N/{node}/…`, the highest N); earlier visits' `visits/N/` folders are left out.
 */
export function latestVisitFiles(files: readonly RunFile[], nodeId: string): Map<string, string> {
  const byName = new Map<string, { restart: number; content: string }>();
  for (const file of files) {
    const parts = file.path.split('/');
    const restart = parts.length === 3 && /^restart-\d+$/.test(parts[0]!) ? Number(parts[0]!.slice('restart-'.length)) : parts.length === 2 ? 0 : -1;
    if (restart < 0 || parts.at(-2) !== nodeId) continue;
    const name = parts.at(-1)!;
    const known = byName.get(name);
    if (known === undefined || known.restart <= restart) byName.set(name, { restart, content: file.content });
  }
  return new Map([...byName].map(([name, { content }]) => [name, content]));
}

/** The node's agent turns, each with the commits before it (the previous turn's, or the workspace's when opened). */
export function turnsOf(events: readonly RunEvent[], nodeId: string): NodeDetail['turns'] {
  let heads: Record<string, string> | undefined;
  const repos = new Map<string, string>();
  const turns: NodeDetail['turns'] = [];
  for (const event of events) {
    if (event.type === 'workspace.opened') {
      heads = Object.fromEntries(Object.entries(event.repos).map(([repo, state]) => [repo, state.sha]));
      for (const [repo, state] of Object.entries(event.repos)) repos.set(repo, state.path);
    }
    if (event.type !== 'agent.turn') continue;
    if (event.node === nodeId) turns.push(turnView(event, heads, repos));
    // Agent nodes run one after another in the session worktree: every turn moves the heads.
    if (event.commits !== undefined && event.inBranch === undefined) heads = { ...heads, ...event.commits };
  }
  return turns;
}

function turnView(event: TurnEvent, before: Record<string, string> | undefined, repos: ReadonlyMap<string, string>): NodeDetail['turns'][number] & { worktrees?: Record<string, string> } {
  return {
    turn: event.turn,
    at: event.at,
    inputTokens: event.inputTokens,
    outputTokens: event.outputTokens,
    costUsd: event.costUsd,
    toolCalls: event.toolCalls.map(({ name, isError }) => ({ name, isError })),
    ...(event.commits !== undefined && { commits: event.commits }),
    ...(event.commits !== undefined && before !== undefined && { previousCommits: before }),
    ...(event.commits !== undefined && repos.size > 0 && { worktrees: Object.fromEntries(repos) }),
  };
}

function optionalText<K extends string>(key: K, text: string | undefined): Partial<Record<K, string>> {
  return text === undefined ? {} : ({ [key]: text.length > textLimit ? `${text.slice(0, textLimit)}\n… (cut at ${textLimit} characters)` : text } as Record<K, string>);
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
