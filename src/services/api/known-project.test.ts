import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireKnownProject } from './known-project.js';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-known-project-')));
const project = join(root, 'project');
const other = join(root, 'other');
mkdirSync(project);
mkdirSync(other);
symlinkSync(project, join(root, 'link'));
symlinkSync(other, join(root, 'link-out'));
const deps = { projects: { list: () => [project] } };
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('requireKnownProject', () => {
  it.each([
    ['the project itself', project, project],
    ['a symlink to it', join(root, 'link'), project],
  ])('issue 12: %s is known', (_label, dir, expected) => {
    expect(requireKnownProject(deps, dir)).toBe(expected);
  });

  it.each([
    ['another folder', other],
    ['a symlink leading out', join(root, 'link-out')],
    ['a missing folder', join(root, 'missing')],
    ['a relative path', 'project'],
    ['a path climbing out of it', join(project, '..', 'other')],
  ])('issue 12: %s is E_NOT_A_PROJECT naming the known projects', (_label, dir) => {
    expect(() => requireKnownProject(deps, dir)).toThrow(expect.objectContaining({ code: 'E_NOT_A_PROJECT', hint: expect.stringContaining(project) }));
  });
});
