import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../watch-source.js';
import { groupRows } from './group-rows.js';
import { focusLine, tableLines } from './table-lines.js';

function row(projectRoot: string, id: number): TaskRow {
  return { projectRoot, projectName: projectRoot.slice(1), id, slug: `t${id}`, status: 'draft', createdAt: '', updatedAt: '' };
}

describe('tableLines', () => {
  const lines = tableLines(groupRows([row('/b', 1), row('/a', 2), row('/a', 1)]));

  it('puts each project line above its tasks', () => {
    expect(lines.map((line) => (line.kind === 'project' ? line.group.projectName : line.key))).toEqual(['a', '/a#1', '/a#2', 'b', '/b#1']);
  });

  it.each([
    ['/a#2', 2],
    ['/b#1', 4],
    ['/a#1', 0], // the first task brings its project line into view
    [undefined, 0],
    ['/gone#9', 0],
  ])('focuses %s at line %d', (key, expected) => {
    expect(focusLine(lines, key)).toBe(expected);
  });
});
