import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../watch-source.js';
import { formatCells, formatHeaders, GAP, INDENT, layoutColumns, type ColumnWidths, type RowCells } from './columns.js';
import { textWidth } from './text-width.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

function row(overrides: Partial<TaskRow> = {}): TaskRow {
  return {
    projectRoot: '/p',
    projectName: 'p',
    id: 7,
    slug: 'add-docs',
    status: 'running',
    activity: 'working',
    agent: 'claude',
    branch: 'orchestra/7-add-docs',
    createdAt: '2025-03-01T11:57:00Z',
    updatedAt: '2025-03-01T11:59:00Z',
    lastLine: 'Reading src/index.ts',
    ...overrides,
  };
}

function lineWidth(widths: ColumnWidths, cells: RowCells): number {
  const order = ['id', 'slug', 'status', 'agent', 'branch', 'age', 'last'] as const;
  return INDENT + order.reduce((sum, column) => sum + textWidth(cells[column]), 0) + GAP * 6 + (widths.last - textWidth(cells.last));
}

describe('layoutColumns', () => {
  it('sizes columns to their widest cell and gives the rest to the last line', () => {
    const widths = layoutColumns([row(), row({ id: 12, slug: 'fix-the-flaky-test' })], 100);
    expect(widths).toMatchObject({ id: 2, slug: 18, status: 11, agent: 6, branch: 20, age: 4 });
    expect(INDENT + widths.id + widths.slug + widths.status + widths.agent + widths.branch + widths.age + widths.last + GAP * 6).toBe(100);
  });

  it('never narrows a column below its header', () => {
    expect(layoutColumns([row({ id: 1, slug: 'a', agent: undefined, branch: undefined })], 120)).toMatchObject({ id: 2, slug: 4, agent: 5, branch: 6 });
  });

  it('caps long slugs and branches', () => {
    const widths = layoutColumns([row({ slug: 's'.repeat(80), branch: 'b'.repeat(80) })], 200);
    expect(widths.slug).toBe(28);
    expect(widths.branch).toBe(36);
  });

  const long = row({ slug: 'a-rather-long-task-slug', branch: 'orchestra/7-a-rather-long-task-slug', lastLine: 'x'.repeat(300) });
  const total = (w: ColumnWidths) => INDENT + w.id + w.slug + w.status + w.agent + w.branch + w.age + w.last + GAP * 6;

  it.each([
    [120, { slug: 23, branch: 35, last: 25 }],
    [100, { slug: 23, branch: 24, last: 16 }], // the branch gives way first
    [80, { slug: 21, branch: 6, last: 16 }], // then the slug
  ])('in %d columns a row fills the line exactly', (width, expected) => {
    const widths = layoutColumns([long], width);
    expect(widths).toMatchObject(expected);
    expect(total(widths)).toBe(width);
    expect(lineWidth(widths, formatCells(long, widths, NOW))).toBe(width);
  });

  it('in a very narrow terminal the last line goes and columns stop at their minimum', () => {
    expect(layoutColumns([long], 40)).toMatchObject({ slug: 6, branch: 6, agent: 6, last: 0 });
  });
});

describe('formatCells', () => {
  const widths = layoutColumns([row()], 100);

  it('pads every cell to its column', () => {
    const cells = formatCells(row(), widths, NOW);
    expect(cells).toMatchObject({ id: ' 7', slug: 'add-docs', status: 'running    ', agent: 'claude', age: '  3m', last: 'Reading src/index.ts' });
  });

  it('shows needs input, dashes for missing fields and a cleaned, truncated last line', () => {
    const cells = formatCells(row({ activity: 'waiting', agent: undefined, branch: undefined, lastLine: `\u001b[1m${'y'.repeat(200)}` }), widths, NOW);
    expect(cells.status).toBe('needs input');
    expect(cells.agent.trim()).toBe('-');
    expect(cells.branch.trim()).toBe('-');
    expect(cells.last).toBe(`${'y'.repeat(widths.last - 1)}…`);
  });

  it('labels the header row', () => {
    expect(Object.values(formatHeaders(widths)).map((cell) => cell.trim())).toEqual(['ID', 'TASK', 'STATUS', 'AGENT', 'BRANCH', 'AGE', 'LAST OUTPUT']);
  });
});
