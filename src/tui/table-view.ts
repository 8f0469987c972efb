import { Text } from 'ink';
import { createElement as h, type ReactElement } from 'react';
import { formatCells, formatHeaders, INDENT, type ColumnWidths } from './task-table/columns.js';
import { statusStyle } from './task-table/status-style.js';
import type { TableLine } from './task-table/table-lines.js';
import { textWidth, truncate } from './task-table/text-width.js';
import { escapeTerminalText } from '../core/terminal-text.js';

const SPACE = ' '.repeat(2);

/** The line under the headline naming the columns. */
export function columnHeaderLine(widths: ColumnWidths): ReactElement {
  const cells = formatHeaders(widths);
  const text = [cells.id, cells.slug, cells.status, cells.agent, cells.branch, cells.age, cells.last].join(SPACE);
  return h(Text, { key: 'columns', dimColor: true, wrap: 'truncate-end' }, ' '.repeat(INDENT) + text);
}

function projectLine(line: Extract<TableLine, { kind: 'project' }>, width: number): ReactElement {
  // A directory name may hold any character but `/`: escaped like every other name on screen.
  const name = truncate(escapeTerminalText(line.group.projectName), width);
  const root = truncate(`  ${escapeTerminalText(line.group.projectRoot)}`, width - textWidth(name));
  return h(Text, { key: `project:${line.group.projectRoot}`, wrap: 'truncate-end' }, h(Text, { bold: true }, name), h(Text, { dimColor: true }, root));
}

function taskLine(line: Extract<TableLine, { kind: 'task' }>, widths: ColumnWidths, now: number, selected: boolean): ReactElement {
  const cells = formatCells(line.row, widths, now);
  const style = statusStyle(line.row);
  // The marker says "selected" where inverse video does not show (no colors, screen readers).
  const marker = (selected ? '›' : ' ').padEnd(INDENT);
  return h(
    Text,
    { key: `task:${line.key}`, inverse: selected, wrap: 'truncate-end' },
    `${marker}${cells.id}${SPACE}${cells.slug}${SPACE}`,
    h(Text, { color: style.color, bold: style.bold, dimColor: style.dim }, cells.status),
    `${SPACE}${cells.agent}${SPACE}${cells.branch}${SPACE}${cells.age}${SPACE}`,
    h(Text, { dimColor: !selected }, cells.last),
  );
}

export interface BodyLinesInput {
  lines: readonly TableLine[];
  widths: ColumnWidths;
  width: number;
  now: number;
  selectedKey: string | undefined;
}

export function bodyLines({ lines, widths, width, now, selectedKey }: BodyLinesInput): ReactElement[] {
  return lines.map((line) =>
    line.kind === 'project' ? projectLine(line, width) : taskLine(line, widths, now, line.key === selectedKey),
  );
}
