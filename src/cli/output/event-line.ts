import { formatDuration, plural } from '../../core/index.js';
import type { EdgeSelectionReason, RunEvent, StageStatus } from '../../core/index.js';
import type { Palette } from './color.js';
import { escapeTerminalFields } from '../../core/terminal-text.js';

export interface EventLineOptions {
  /**
   * Print questions as they are asked. `run` leaves that to the console interviewer, which asks
   * them itself; `attach` cannot answer, so it shows what the run is waiting for.
   */
  showQuestions: boolean;
}

/**
 * One progress line for an event, or undefined for events a person need not see (node starts,
 * checkpoints, tool output, the terminal events: the result line covers those).
 */
export function formatEventLine(event: RunEvent, palette: Palette, options: EventLineOptions): string | undefined {
  // Node ids, labels, questions, answers and failure reasons come from files and models.
  const text = formatEvent(escapeTerminalFields(event), palette, options);
  // Lines from inside a parallel branch sit under the fan-out that started them.
  return text !== undefined && event.inBranch ? `  ${palette.dim('│')} ${text.trimStart()}` : text;
}

function formatEvent(event: RunEvent, palette: Palette, options: EventLineOptions): string | undefined {
  switch (event.type) {
    case 'run.started':
      return palette.dim(`${event.resumed ? 'Resuming' : 'Running'} ${event.pipeline} as run ${event.runId}${event.fromCheckpoint ? ` from checkpoint ${event.fromCheckpoint}` : ''}`);
    case 'node.completed':
      return line(statusMark(event.status, palette), event.node, statusText(event.status, palette), formatDuration(event.durationMs), failureText(event));
    case 'node.retrying':
      return line(palette.yellow('↻'), event.node, `retrying (attempt ${event.attempt}) in ${formatDuration(event.delayMs)}`, event.error);
    case 'edge.selected':
      // The next node's own line shows a plain step; only a decision (a condition, a label, a gate) is worth a line.
      if (event.reason === 'weight' || event.reason === 'lexical') return undefined;
      return palette.dim(`  → ${event.to}${event.label ? ` "${event.label}"` : ''}${edgeReason(event.reason)}`);
    case 'goal_gate.redirect':
      return line(palette.yellow('↺'), event.gate, `goal gate not satisfied, back to ${event.target}`);
    case 'loop.restarted':
      return line(palette.yellow('↺'), event.from, `loop restart ${event.count}, from ${event.to}`);
    case 'parallel.started':
      return line(palette.cyan('⇉'), event.node, `${plural(event.branchCount, 'branch', 'branches')} (${event.joinPolicy}, at most ${event.maxParallel} at once)`);
    case 'parallel.branch.completed':
      // Only a branch that ended without reaching the fan-in needs its own line; node lines show the rest.
      if (event.success) return undefined;
      return line(statusMark(event.status, palette), `branch ${event.branch}`, statusText(event.status, palette), formatDuration(event.durationMs));
    case 'parallel.completed':
      return line(palette.cyan('⇉'), event.node, `${event.successCount} succeeded, ${event.failureCount} failed`, formatDuration(event.durationMs));
    case 'interview.started':
      if (!options.showQuestions) return undefined;
      return line(palette.yellow('?'), event.node, `waiting for an answer: ${event.question}${formatOptions(event.options)}`);
    case 'interview.completed':
      return line(palette.cyan('?'), event.node, `${event.question} → ${event.answer}`);
    case 'interview.timeout':
      return line(palette.yellow('?'), event.node, `no answer after ${formatDuration(event.durationMs)}: ${event.question}`);
    case 'chat.turn':
      // `run` shows the conversation in its questions; `attach` follows it here, a line per turn.
      if (!options.showQuestions) return undefined;
      return line(palette.cyan('»'), event.node, event.role === 'model' ? `model, turn ${event.turn}:` : `${event.by ?? 'person'}:`, clipLine(event.text));
    case 'agent.turn': {
      const tools = event.toolCalls.length === 0 ? 'answered' : event.toolCalls.map((call) => (call.isError ? `${call.name}!` : call.name)).join(', ');
      const cost = event.costUsd > 0 ? `  $${event.costUsd.toFixed(4)}` : '';
      const commits = event.commits ? `  ${Object.entries(event.commits).map(([repo, sha]) => `${repo}@${sha.slice(0, 7)}`).join(' ')}` : '';
      return palette.dim(`  · ${event.node} turn ${event.turn}: ${tools}  ${plural(event.inputTokens + event.outputTokens, 'token')}${cost}${commits}`);
    }
    case 'manager.cycle':
      return palette.dim(`  ⟳ ${event.node} cycle ${event.cycle}: child ${event.childStatus}`);
    case 'workspace.opened':
      return palette.dim(`  ⎇ ${event.resumed ? 'back in' : 'working in'} ${workspaceRepos(event.repos)}`);
    case 'workspace.rescued':
      return line(palette.yellow('⎇'), event.repo, `work after the checkpoint kept on ${event.ref} (${event.sha.slice(0, 12)})`);
    case 'workspace.pushed':
      return palette.dim(`  ⎇ pushed ${event.branch} of ${event.repo}`);
    case 'workspace.push_failed':
      return line(palette.yellow('!'), event.repo, `could not push ${event.branch} (retried at the next push): ${event.error}`);
    case 'log':
      return event.level === 'warn' ? line(palette.yellow('!'), event.node ?? '', event.message) : undefined;
    default:
      return undefined;
  }
}

/** `app on orchestra/p/RUN at 1a2b3c4d5e6f (/path)`, one per repo. */
function workspaceRepos(repos: Extract<RunEvent, { type: 'workspace.opened' }>['repos']): string {
  return Object.entries(repos)
    .map(([name, repo]) => `${name} on ${repo.branch} at ${repo.sha.slice(0, 12)} (${repo.path})`)
    .join(', ');
}

function clipLine(text: string): string {
  const oneLine = text.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
  return oneLine.length <= 100 ? oneLine : `${oneLine.slice(0, 99)}…`;
}

/** Why an edge was taken, when it says more than "the next edge in line" (weight, lexical order). */
function edgeReason(reason: EdgeSelectionReason): string {
  return reason === 'weight' || reason === 'lexical' ? '' : ` (${reason.replaceAll('_', ' ')})`;
}

function line(mark: string, ...parts: Array<string | undefined>): string {
  return `${mark} ${columns(...parts)}`;
}

function columns(...parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join('  ');
}

function statusMark(status: StageStatus, palette: Palette): string {
  switch (status) {
    case 'success':
    case 'partial_success':
      return palette.green('✓');
    case 'fail':
      return palette.red('✗');
    case 'retry':
      return palette.yellow('↻');
    case 'skipped':
      return palette.dim('-');
  }
}

function statusText(status: StageStatus, palette: Palette): string {
  return status === 'fail' ? palette.red(status) : status;
}

function failureText(event: Extract<RunEvent, { type: 'node.completed' }>): string | undefined {
  if (event.status === 'success' || event.status === 'partial_success') return undefined;
  return event.failureReason ?? event.notes;
}

function formatOptions(options: ReadonlyArray<{ key: string; label: string }>): string {
  if (options.length === 0) return '';
  return ` (${options.map((option) => `[${option.key}] ${option.label}`).join(', ')})`;
}
