import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../watch-source.js';
import { groupRows, orderedRows, taskKey } from './group-rows.js';

function row(projectRoot: string, id: number, projectName = projectRoot.split('/').pop() ?? ''): TaskRow {
  return { projectRoot, projectName, id, slug: `t${id}`, status: 'draft', createdAt: '', updatedAt: '' };
}

function shape(rows: TaskRow[]): string[] {
  return groupRows(rows).map((group) => `${group.projectName}@${group.projectRoot}: ${group.rows.map((r) => r.id).join(',')}`);
}

describe('groupRows', () => {
  it.each<[string, TaskRow[], string[]]>([
    ['nothing', [], []],
    ['one project, ids sorted numerically', [row('/a/web', 10), row('/a/web', 2), row('/a/web', 1)], ['web@/a/web: 1,2,10']],
    [
      'projects by name, case-insensitively',
      [row('/x/zeta', 1), row('/x/Beta', 3), row('/x/alpha', 2)],
      ['alpha@/x/alpha: 2', 'Beta@/x/Beta: 3', 'zeta@/x/zeta: 1'],
    ],
    [
      'two checkouts with one name stay apart, ordered by root',
      [row('/work/b/api', 1), row('/work/a/api', 1), row('/work/b/api', 2)],
      ['api@/work/a/api: 1', 'api@/work/b/api: 1,2'],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(shape(rows)).toEqual(expected);
  });

  it('flattens groups in display order', () => {
    const rows = [row('/b', 2), row('/a', 5), row('/b', 1)];
    expect(orderedRows(groupRows(rows)).map(taskKey)).toEqual(['/a#5', '/b#1', '/b#2']);
  });
});
