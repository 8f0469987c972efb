import { formatDuration } from '../../core/index.js';
import type { Checkpoint, NodeRecord } from '../../store/types.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';
import { paintState } from './run-list.js';
import type { RunView } from '../../services/runs/run-view.js';
import { escapeTerminalFields, escapeTerminalText } from '../../core/terminal-text.js';
import { defaultTenant, tenantFlagFor } from '../../core/tenant-scope.js';
import type { Conversation } from '../../engine/handlers/codergen/interactive/chat-log.js';
import { formatTranscript } from '../../humans/chat/transcript.js';

export type CheckpointSummary = Pick<Checkpoint, 'seq' | 'currentNode' | 'nextNode' | 'timestamp'>;

export interface RunDetail {
  nodes: readonly NodeRecord[];
  checkpoints: readonly CheckpointSummary[];
  /** The transcripts of its interactive nodes (issue 10). */
  conversations?: readonly Conversation[];
}

/** `orchestra runs RUN`: one run's facts; with `--detail`, its node history and checkpoints. */
export function formatRunDetail(raw: RunView, palette: Palette, detail: RunDetail | undefined): string {
  // Names, the goal, variables and the error come from files, the command line and models.
  const run = escapeTerminalFields(raw);
  const state = run.outcome && run.displayState === 'completed' ? `${paintState(run.displayState, palette)} (${run.outcome})` : paintState(run.displayState, palette);
  const facts: Array<[string, string | undefined]> = [
    ['Run', run.id],
    ['Pipeline', `${run.pipeline} (${run.file})`],
    ['Goal', run.goal || undefined],
    ['Tenant', run.tenant === defaultTenant ? undefined : run.tenant],
    ['State', state],
    ['Node', run.currentNode],
    ['Started', formatTimestamp(run.startedAt)],
    ['Duration', formatDuration(run.durationMs)],
    ['Error', run.error],
    ['Variables', formatVariables(run.variables)],
    ['Run dir', run.logsRoot],
    // A parent with a checkpoint is a replay's source; without one, the run that started this child run.
    ['Replay of', run.parentRunId && run.parentCheckpoint !== undefined ? `${run.parentRunId} checkpoint ${run.parentCheckpoint}` : undefined],
    ['Child of', run.parentRunId && run.parentCheckpoint === undefined ? run.parentRunId : undefined],
    ['Driven by', (run.displayState === 'running' || run.displayState === 'waiting') && run.lease ? `${run.lease.owner} (lease until ${formatTimestamp(run.lease.expiresAt)})` : undefined],
  ];
  const lines = facts.filter((fact): fact is [string, string] => fact[1] !== undefined && fact[1] !== '').map(([key, value]) => `${`${key}:`.padEnd(11)}${value}`);
  const next = nextStep(run);
  if (next) lines.push('', next);
  if (detail) lines.push('', formatNodeHistory(detail.nodes, palette), '', formatCheckpoints(detail.checkpoints));
  if (detail?.conversations?.length) lines.push('', formatConversations(detail.conversations));
  return lines.join('\n');
}

function nextStep(run: RunView): string | undefined {
  switch (run.displayState) {
    case 'interrupted':
    case 'interrupted?':
      if (run.humanTask) return `Its gate waits on human task ${run.humanTask}: answer it (orchestra answer ${run.humanTask} ${run.answerHint ?? 'choice=<target>'}${tenantFlagFor(run.tenant)}) and resume it: orchestra resume ${run.id}`;
      return `Resume it: orchestra resume ${run.id}`;
    case 'running':
      return `Follow it: orchestra attach ${run.id}`;
    case 'waiting':
      if (run.humanTask) return `It waits for an answer at ${run.waitingAt ?? 'a human gate'} on human task ${run.humanTask}: answer it in the terminal that runs it or from anywhere with orchestra answer ${run.humanTask} ${run.answerHint ?? 'choice=<target>'}${tenantFlagFor(run.tenant)}.`;
      return `It waits for an answer at ${run.waitingAt ?? 'a human gate'}: answer it in the terminal that runs it (orchestra attach ${run.id} follows it).`;
    default:
      return undefined;
  }
}

/** Notes are cut to keep one line per node; `--json` has them whole. */
const notesWidth = 72;

export function formatNodeHistory(nodes: readonly NodeRecord[], palette: Palette): string {
  if (nodes.length === 0) return 'Nodes: none executed yet';
  const rows = nodes.map((node) => [
    String(node.index),
    escapeTerminalText(node.nodeId),
    String(node.attempt),
    paintStatus(node.status, palette),
    node.finishedAt === undefined ? '' : formatDuration(node.finishedAt - node.startedAt),
    escapeTerminalText(clip(node.failureReason ?? node.notes ?? '', notesWidth)),
  ]);
  return `Nodes:\n${indent(formatTable(['#', 'NODE', 'ATTEMPT', 'STATUS', 'DURATION', 'NOTES'], rows))}`;
}

/** Each interactive node's transcript, turn by turn; every line is model or user text, so escaped. */
export function formatConversations(conversations: readonly Conversation[]): string {
  const lines = ['Conversations:'];
  for (const conversation of conversations) {
    lines.push(`  ${escapeTerminalText(conversation.node)} (visit ${escapeTerminalText(conversation.visit)}):`, ...formatTranscript(conversation.entries, escapeTerminalText, '    '));
  }
  return lines.join('\n');
}

export function formatCheckpoints(checkpoints: readonly CheckpointSummary[]): string {
  if (checkpoints.length === 0) return 'Checkpoints: none yet (a resume starts at the start node)';
  const rows = escapeTerminalFields(checkpoints).map((c) => [String(c.seq), c.currentNode, c.nextNode ?? '(end)', formatTimestamp(c.timestamp)]);
  return `Checkpoints:\n${indent(formatTable(['#', 'AFTER', 'NEXT', 'SAVED'], rows))}`;
}

function paintStatus(status: NodeRecord['status'], palette: Palette): string {
  if (status === 'fail') return palette.red(status);
  if (status === 'success' || status === 'partial_success') return palette.green(status);
  return status;
}

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
}

function formatVariables(variables: Record<string, string>): string | undefined {
  const entries = Object.entries(variables);
  return entries.length === 0 ? undefined : entries.map(([key, value]) => `${key}=${value}`).join(' ');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
