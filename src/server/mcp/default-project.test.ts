import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../services/api/index.js';
import { withDefaultProject } from './default-project.js';

const known = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-default-project-')));
const deps = { projects: { list: () => [known] } };
const op = (input: z.ZodType) => ({ input }) as unknown as Operation;
const takesProject = op(z.strictObject({ project: z.string().optional(), name: z.string().optional() }));
const takesNone = op(z.strictObject({ name: z.string().optional() }));

describe('withDefaultProject', () => {
  it.each([
    ['fills a missing project with the bridge\'s', takesProject, { name: 'a' }, known, { name: 'a', project: known }],
    ['fills it when no arguments came', takesProject, undefined, known, { project: known }],
    ['keeps a project the agent named', takesProject, { project: '/elsewhere' }, known, { project: '/elsewhere' }],
    ['leaves a worktree call alone (tasks.complete names its task one way only)', takesProject, { worktree: '/w' }, known, { worktree: '/w' }],
    ['leaves a tool without project alone', takesNone, { name: 'a' }, known, { name: 'a' }],
    ['ignores a project this Orchestra does not serve', takesProject, { name: 'a' }, '/not/served', { name: 'a' }],
    ['does nothing without a bridge project', takesProject, { name: 'a' }, undefined, { name: 'a' }],
  ])('issue 13: %s', (_label, operation, args, project, expected) => {
    expect(withDefaultProject(operation, args, project, deps) ?? {}).toEqual(expected);
  });
});
