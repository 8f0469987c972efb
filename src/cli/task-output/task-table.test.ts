import { describe, expect, it } from 'vitest';
import type { TaskProblem, TaskView } from '../../server/tasks/task-queries.js';
import { plainPalette } from '../output/color.js';
import { formatProblems, formatTaskTable } from './task-table.js';

const forged = '\u001b[2J\nwork.md:1:1: error[fake]: forged';

function task(overrides: Partial<TaskView>): TaskView {
  return {
    id: 1,
    slug: 'demo',
    status: 'running',
    needsInput: false,
    createdAt: '2025-03-01T11:00:00Z',
    projectRoot: '/work/app',
    projectName: 'app',
    ...overrides,
  } as TaskView;
}

// eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('issue 8.8: the task status table', () => {
  it('issue 8.8: shows slugs, agents, branches and last lines with their control characters escaped, one line per task', () => {
    const text = formatTaskTable([task({ slug: `de${forged}`, agent: `fa\u001b[31mke`, branch: `orchestra/1-demo\u009b2J`, lastLine: `done\r${forged}` })], plainPalette, Date.parse('2025-03-01T12:00:00Z'));
    expect(text).not.toMatch(rawControl);
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('de\\x1b[2J\\nwork.md:1:1: error[fake]: forged');
    expect(lines[1]).toContain('fa\\x1b[31mke');
    expect(lines[1]).toContain('orchestra/1-demo\\x9b2J');
  });

  it('issue 8.8: a task file problem quoting a forged name stays on its own lines', () => {
    const problem: TaskProblem = { projectRoot: '/work/app', code: 'E_TASK_FILE', message: `bad agent ${forged}`, hint: `use ${forged}`, file: '/work/app/.orchestra/tasks/1:x.md', line: 2, column: 3 };
    const text = formatProblems([problem], plainPalette, '/work/app');
    expect(text).not.toMatch(rawControl);
    expect(text.split('\n').filter((line) => line.startsWith('work.md:'))).toEqual([]);
    expect(text).toContain('bad agent \\x1b[2J\\nwork.md:1:1: error[fake]: forged');
  });
});
