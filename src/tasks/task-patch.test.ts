import { describe, expect, it } from 'vitest';
import type { Task } from './task.js';
import { applyTaskPatch, type TaskPatch } from './task-patch.js';

const now = new Date('2025-04-01T12:00:00.000Z');
const base: Task = {
  id: 7,
  slug: 'add-docs',
  status: 'running',
  baseBranch: 'main',
  agent: 'opencode',
  port: 4107,
  createdAt: '2025-04-01T10:00:00.000Z',
  updatedAt: '2025-04-01T11:00:00.000Z',
  description: 'Write docs.',
  file: '/p/7:add-docs.md',
  extra: { owner: 'ana' },
};

describe('applyTaskPatch', () => {
  it.each<[string, TaskPatch, Partial<Task>]>([
    ['sets the status', { status: 'idle' }, { status: 'idle' }],
    ['sets start fields', { branch: 'orchestra/7-add-docs', worktree: '/w/7', agentSession: 's-1' }, { branch: 'orchestra/7-add-docs', worktree: '/w/7', agentSession: 's-1' }],
    ['normalizes the description', { description: '\n\nNew text.\n\n' }, { description: 'New text.' }],
    ['renames', { slug: 'write-docs' }, { slug: 'write-docs' }],
    ['ignores a required field given as undefined', { status: undefined, baseBranch: undefined }, { status: 'running', baseBranch: 'main' }],
    ['ignores a given updatedAt', { updatedAt: '2000-01-01T00:00:00.000Z' }, {}],
  ])('%s', (_, patch, expected) => {
    expect(applyTaskPatch(base, patch, now)).toEqual({ ...base, ...expected, updatedAt: now.toISOString() });
  });

  it('clears an optional field given as undefined', () => {
    const next = applyTaskPatch(base, { port: undefined, agent: undefined }, now);
    expect(next).not.toHaveProperty('port');
    expect(next).not.toHaveProperty('agent');
    expect(base.port).toBe(4107);
  });

  it.each<[string, TaskPatch, RegExp]>([
    ['a bad slug', { slug: 'Write Docs' }, /^invalid task slug "Write Docs"/],
    ['an unknown status', { status: 'done' as never }, /^unknown task status "done"; allowed: draft, running/],
    ['an empty base branch', { baseBranch: ' ' }, /baseBranch to be a non-empty string, got " "/],
    ['a fractional port', { port: 1.5 }, /port to be an integer from 1 to 65535, got 1\.5/],
    ['an empty agent', { agent: '' }, /agent to be a non-empty string/],
  ])('refuses %s with E_USAGE', (_, patch, message) => {
    expect(() => applyTaskPatch(base, patch, now)).toThrow(message);
    try {
      applyTaskPatch(base, patch, now);
    } catch (error) {
      expect(error).toMatchObject({ code: 'E_USAGE' });
    }
  });
});
