import { describe, expect, it } from 'vitest';
import { isOrchestraError, type OrchestraError } from '../core/errors.js';
import type { Task } from './task.js';
import { formatTaskFile, parseTaskFile } from './task-file.js';

const file = '/project/.orchestra/tasks/42:fix-tests.md';
const mtime = new Date('2025-03-01T10:00:00.000Z');

const fullTask: Task = {
  id: 42,
  slug: 'fix-tests',
  status: 'running',
  baseBranch: 'main',
  agent: 'claude-code',
  branch: 'orchestra/42-fix-tests',
  worktree: '/project/.orchestra/worktrees/42-fix-tests',
  port: 4142,
  agentSession: '3f2c9a4e-1b7d-4a8e-9c61-0d5e2f7b8a10',
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:30:00.000Z',
  description: 'Analyse the errors in `./src/utils/date.test.ts`.\n\n- fix: `date.ts`\n- "quoted": yes',
  file,
  extra: { owner: 'ana', labels: ['tests', 'ci'] },
};

describe('parseTaskFile', () => {
  it('reads the seed example: status defaults to draft, times to the modification time', () => {
    const text = '---\nbase_branch: main\n---\n\nAnalyse the errors in `./src/utils/date.test.ts` and fix them.\n';
    expect(parseTaskFile(file, text, { mtime })).toEqual({
      id: 42,
      slug: 'fix-tests',
      status: 'draft',
      baseBranch: 'main',
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
      description: 'Analyse the errors in `./src/utils/date.test.ts` and fix them.',
      file,
      extra: {},
    });
  });

  it('treats empty optional keys as not set', () => {
    const task = parseTaskFile(file, '---\nbase_branch: main\nagent:\nbranch: ""\nport: null\n---\n', { mtime });
    expect(task).not.toHaveProperty('agent');
    expect(task).not.toHaveProperty('branch');
    expect(task).not.toHaveProperty('port');
  });

  it('round-trips: parse(format(task)) equals the task', () => {
    expect(parseTaskFile(file, formatTaskFile(fullTask))).toEqual(fullTask);
    const bare: Task = { id: 42, slug: 'fix-tests', status: 'draft', baseBranch: 'release/1.0', createdAt: fullTask.createdAt, updatedAt: fullTask.updatedAt, description: '', file, extra: {} };
    expect(parseTaskFile(file, formatTaskFile(bare))).toEqual(bare);
  });

  it('writes known keys in a fixed order, then unknown keys as they were, then the body', () => {
    expect(formatTaskFile(fullTask)).toBe(
      [
        '---',
        'base_branch: main',
        'status: running',
        'agent: claude-code',
        'branch: orchestra/42-fix-tests',
        'worktree: /project/.orchestra/worktrees/42-fix-tests',
        'port: 4142',
        'agent_session: 3f2c9a4e-1b7d-4a8e-9c61-0d5e2f7b8a10',
        'created: 2025-03-01T09:00:00.000Z',
        'updated: 2025-03-01T09:30:00.000Z',
        'owner: ana',
        'labels:',
        '  - tests',
        '  - ci',
        '---',
        '',
        fullTask.description,
        '',
      ].join('\n'),
    );
  });

  it('keeps a hand-edited body and unknown keys through a rewrite', () => {
    const hand = '---\nreviewer: bo   \nstatus: idle\nbase_branch: dev\npriority: 2\nnotes: { a: 1 }\n---\n\n# Plan\n\n    code block\n\n1. one\n---\n2. two\n';
    const task = parseTaskFile(file, hand, { mtime });
    expect(task.extra).toEqual({ reviewer: 'bo', priority: 2, notes: { a: 1 } });
    expect(task.description).toBe('# Plan\n\n    code block\n\n1. one\n---\n2. two');
    const rewritten = parseTaskFile(file, formatTaskFile({ ...task, status: 'running' }));
    expect(rewritten).toEqual({ ...task, status: 'running' });
    expect(Object.keys(rewritten.extra)).toEqual(['reviewer', 'priority', 'notes']);
  });

  it('quotes values that YAML would read as another type', () => {
    const task: Task = { ...fullTask, baseBranch: '1.0', agent: 'yes: no', extra: {} };
    expect(formatTaskFile(task)).toContain('base_branch: "1.0"\n');
    expect(parseTaskFile(file, formatTaskFile(task))).toEqual(task);
  });
});

describe('parseTaskFile errors name the file, line and column', () => {
  it.each([
    ['malformed YAML', '---\nbase_branch: main\nstatus: [draft\n---\n', 4, 1, /^invalid YAML in the front matter: /],
    ['a duplicate key', '---\nbase_branch: main\nbase_branch: dev\n---\n', 3, 1, 'invalid YAML in the front matter: Map keys must be unique'],
    ['a tab indent', '---\nbase_branch: main\nextra:\n\t- x\n---\n', 4, 1, /^invalid YAML/],
    [
      'an unknown status',
      '---\nbase_branch: main\nstatus: runing\n---\n',
      3,
      9,
      'unknown status "runing". Did you mean "running"? Allowed: draft, running, idle, completed, reviewed, stopped, failed, merged.',
    ],
    ['a status of the wrong type', '---\nbase_branch: main\nstatus: 3\n---\n', 3, 9, /^unknown status 3 \(number\)\. Allowed: draft,/],
    ['a missing base_branch', '---\nstatus: draft\n---\nBody\n', 1, 1, 'the front matter has no base_branch; it is required (the branch the task starts from and merges into).'],
    ['an empty front matter', '---\n---\nBody\n', 1, 1, /has no base_branch/],
    ['a base_branch that is not a string', '---\nbase_branch: 1.0\n---\n', 2, 14, 'base_branch must be a string, got 1 (number).'],
    ['a port that is not an integer', '---\nbase_branch: main\nport: 41.5\n---\n', 3, 7, 'port must be an integer from 1 to 65535, got 41.5 (number).'],
    ['a port that is a word', '---\nbase_branch: main\nport: auto\n---\n', 3, 7, 'port must be an integer from 1 to 65535, got "auto" (string).'],
    ['a port out of range', '---\nbase_branch: main\nport: 70000\n---\n', 3, 7, /got 70000 \(number\)/],
    ['a bad time', '---\nbase_branch: main\ncreated: yesterday\n---\n', 3, 10, /^created must be an ISO 8601 time like .*, got "yesterday" \(string\)\.$/],
    ['a front matter that is a list', '---\n- base_branch: main\n---\n', 2, 1, /^the front matter must be a mapping/],
    ['no front matter', 'base_branch: main\n', 1, 1, 'a task file must start with YAML front matter: "---" on line 1.'],
    ['an unclosed front matter', '---\nbase_branch: main\n\nBody\n', 1, 1, 'the front matter opened by "---" on line 1 is never closed.'],
  ])('%s', (_, text, line, column, message) => {
    const error = parseError(file, text);
    expect(error.code).toBe('E_TASK_FILE');
    expect(error.location).toEqual({ file, line, column });
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
    expect(error.detail).toContain(`${line} | `);
  });

  it.each(['notes.md', '42-fix-tests.md', '42:Fix Tests.md', '0:zero.md'])('a file name that is not <id>:<slug>.md: %s', (name) => {
    const error = parseError(`/project/.orchestra/tasks/${name}`, '---\nbase_branch: main\n---\n');
    expect(error.code).toBe('E_TASK_FILE');
    expect(error.location).toEqual({ file: `/project/.orchestra/tasks/${name}`, line: 1, column: 1 });
    expect(error.message).toBe(`the task file name must be "<id>:<slug>.md" (like 42:fix-tests.md), got "${name}".`);
  });

  it('suggests a slug for a badly named file', () => {
    expect(parseError('/p/42:Fix Tests.md', '---\nbase_branch: main\n---\n').hint).toMatch(/^Rename it, e\.g\. to "<id>:fix-tests\.md"/);
  });
});

function parseError(path: string, text: string): OrchestraError {
  try {
    parseTaskFile(path, text, { mtime });
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected parseTaskFile to throw');
}
