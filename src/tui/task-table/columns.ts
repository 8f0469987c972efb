import type { TaskRow } from '../watch-source.js';
import { cleanLine } from './clean-line.js';
import { formatAgeSince } from './format-age.js';
import { STATUS_LABEL_WIDTH, statusStyle } from './status-style.js';
import { fit, textWidth, truncate } from './text-width.js';
import { escapeTerminalText } from '../../core/terminal-text.js';

export type ColumnName = 'id' | 'slug' | 'status' | 'agent' | 'branch' | 'age' | 'last';
export type ColumnWidths = Record<ColumnName, number>;
export type RowCells = Record<ColumnName, string>;

/** Rows sit under their project line, indented by this much; the selected one shows a marker there. */
export const INDENT = 2;
export const GAP = 2;
const HEADERS: RowCells = { id: 'ID', slug: 'TASK', status: 'STATUS', agent: 'AGENT', branch: 'BRANCH', age: 'AGE', last: 'LAST OUTPUT' };
const CAPS = { slug: 28, agent: 14, branch: 36 } as const;
// What narrow terminals take away first, and how far: the last line wants a readable minimum.
const SHRINK_ORDER = ['branch', 'slug', 'agent'] as const;
const MIN_SHRUNK = 6;
const MIN_LAST = 16;
const AGE_WIDTH = 4; // `59m`, `23h`, `364d`

/**
 * The row's text as drawn: slugs, agents and branches come from task files and config, so their
 * control characters are shown escaped, and widths are measured on that escaped text. The last line
 * is the agent's screen: its escape sequences are dropped (cleanLine) rather than shown.
 */
function shown(row: TaskRow): { slug: string; agent: string; branch: string; last: string } {
  return {
    slug: escapeTerminalText(row.slug),
    agent: escapeTerminalText(row.agent ?? '-'),
    branch: escapeTerminalText(row.branch ?? '-'),
    last: escapeTerminalText(cleanLine(row.lastLine)),
  };
}

function widest(header: string, values: readonly string[], cap: number): number {
  return Math.min(cap, Math.max(textWidth(header), ...values.map(textWidth)));
}

/** Column widths for these rows in a terminal `width` cells wide; the last line takes what is left. */
export function layoutColumns(rows: readonly TaskRow[], width: number): ColumnWidths {
  const widths: ColumnWidths = {
    id: widest(HEADERS.id, rows.map((row) => String(row.id)), 8),
    slug: widest(HEADERS.slug, rows.map((row) => shown(row).slug), CAPS.slug),
    status: STATUS_LABEL_WIDTH,
    agent: widest(HEADERS.agent, rows.map((row) => shown(row).agent), CAPS.agent),
    branch: widest(HEADERS.branch, rows.map((row) => shown(row).branch), CAPS.branch),
    age: AGE_WIDTH,
    last: 0,
  };
  const fixed = () => INDENT + widths.id + widths.slug + widths.status + widths.agent + widths.branch + widths.age + GAP * 6;
  let missing = MIN_LAST - (width - fixed());
  for (const column of SHRINK_ORDER) {
    if (missing <= 0) break;
    const take = Math.min(missing, Math.max(0, widths[column] - MIN_SHRUNK));
    widths[column] -= take;
    missing -= take;
  }
  widths.last = Math.max(0, width - fixed());
  return widths;
}

/** The text of each cell, cut and padded to its column. */
export function formatCells(row: TaskRow, widths: ColumnWidths, now: number): RowCells {
  const text = shown(row);
  return {
    id: fit(String(row.id), widths.id, true),
    slug: fit(text.slug, widths.slug),
    status: fit(statusStyle(row).label, widths.status),
    agent: fit(text.agent, widths.agent),
    branch: fit(text.branch, widths.branch),
    age: fit(formatAgeSince(row.createdAt, now), widths.age, true),
    last: truncate(text.last, widths.last),
  };
}

export function formatHeaders(widths: ColumnWidths): RowCells {
  return {
    id: fit(HEADERS.id, widths.id, true),
    slug: fit(HEADERS.slug, widths.slug),
    status: fit(HEADERS.status, widths.status),
    agent: fit(HEADERS.agent, widths.agent),
    branch: fit(HEADERS.branch, widths.branch),
    age: fit(HEADERS.age, widths.age, true),
    last: truncate(HEADERS.last, widths.last),
  };
}
