import type { Fidelity } from '../../agents/backend.js';
import type { OutcomeSummary } from '../../store/types.js';
import { recentStages } from './recent-stages.js';

const charsPerToken = 4;

/** Budgets of decision 17, in characters; compact has none. */
const budgetChars: Record<Fidelity, number> = {
  full: 0,
  truncate: 0,
  compact: Number.POSITIVE_INFINITY,
  'summary:low': 600 * charsPerToken,
  'summary:medium': 1_500 * charsPerToken,
  'summary:high': 3_000 * charsPerToken,
};

const maxValueChars = 200;

/** Compact lists at most this many stages (the latest), so its cost does not grow with the run. */
export const compactStageLimit = 100;

/**
 * The carry-over text a fresh backend session gets (digest §18, decision 17). `full` has none (the
 * session itself carries history); `truncate` names only goal and run; `compact` lists the latest
 * completed stages (up to `compactStageLimit`) with their outcomes and the run's plain context
 * values; `summary:*` is the same cut to its budget, dropping context values first, then the oldest
 * stages. Only the stages that can be shown are read (recent-stages.ts), however long the run.
 */
export function renderPreamble(
  mode: Fidelity,
  completed: readonly string[],
  outcomes: Readonly<Record<string, OutcomeSummary>>,
  context: Readonly<Record<string, unknown>>,
  goal: string,
  runId: string,
): string {
  if (mode === 'full') return '';
  const header = [`Goal: ${goal || '(none)'}`, `Run: ${runId}`];
  if (mode === 'truncate') return header.join('\n');
  const budget = budgetChars[mode];
  const { stages, omitted } = stageLines(completed, outcomes, mode === 'compact' ? compactStageLimit : Number.POSITIVE_INFINITY, budget);
  const facts = contextLines(context);
  return fitToBudget(header, stages, omitted, facts, budget);
}

/**
 * Each node once, ordered by its latest run, with its latest outcome: the newest `limit`, and no
 * more than fit in `budget` characters (older ones would be cut anyway).
 */
function stageLines(completed: readonly string[], outcomes: Readonly<Record<string, OutcomeSummary>>, limit: number, budget: number): { stages: string[]; omitted: number } {
  const lines: string[] = [];
  let chars = 0;
  const { ids, distinct } = recentStages(completed, (id, taken) => {
    if (taken >= limit || chars > budget) return false;
    const line = stageLine(id, outcomes[id]);
    lines.push(line);
    chars += line.length + 1;
    return true;
  });
  return { stages: lines.reverse(), omitted: distinct - ids.length };
}

/**
 * Each outcome's line, kept with the summary it was made from: summaries are replaced, never
 * changed, and compact mode renders the same hundred lines again before every node.
 */
const stageLineCache = new WeakMap<OutcomeSummary, { id: string; line: string }>();

function stageLine(id: string, outcome: OutcomeSummary | undefined): string {
  if (!outcome) return `- ${id}: skipped`;
  const cached = stageLineCache.get(outcome);
  if (cached?.id === id) return cached.line;
  const detail = outcome.failureReason || outcome.notes;
  const line = `- ${id}: ${outcome.status}${detail ? ` (${clip(detail)})` : ''}`;
  stageLineCache.set(outcome, { id, line });
  return line;
}

// Engine bookkeeping and mirrored graph attributes are not facts about the work.
const hiddenPrefixes = ['internal.', 'graph.', 'parallel.results'];
const hiddenKeys = new Set(['outcome', 'preferred_label', 'current_node']);

function contextLines(context: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(context)
    .filter(([key, value]) => !hiddenKeys.has(key) && !hiddenPrefixes.some((prefix) => key.startsWith(prefix)) && isPlain(value))
    .map(([key, value]) => `- ${key}: ${clip(String(value))}`);
}

function isPlain(value: unknown): value is string | number | boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean';
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxValueChars ? `${oneLine.slice(0, maxValueChars - 1)}…` : oneLine;
}

function fitToBudget(header: string[], stages: string[], alreadyOmitted: number, facts: string[], budget: number): string {
  let kept = stages;
  let omitted = alreadyOmitted;
  let keptFacts = facts;
  const render = () => {
    const lines = [...header, 'Completed stages:'];
    if (omitted > 0) lines.push(`- (${omitted} earlier stage${omitted === 1 ? '' : 's'} omitted)`);
    lines.push(...(kept.length > 0 || omitted > 0 ? kept : ['- (none yet)']));
    if (keptFacts.length > 0) lines.push('Context:', ...keptFacts);
    return lines.join('\n');
  };
  let text = render();
  while (text.length > budget && keptFacts.length > 0) {
    keptFacts = keptFacts.slice(0, -1);
    text = render();
  }
  while (text.length > budget && kept.length > 0) {
    kept = kept.slice(1);
    omitted++;
    text = render();
  }
  return text.length > budget ? `${text.slice(0, budget - 1)}…` : text;
}
