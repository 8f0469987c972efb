import { describe, expect, it } from 'vitest';
import type { ResolvedRepo } from '../../config/config-types.js';
import { primaryFiles } from './commit-repos.js';
import type { RepoCheckout } from './options.js';

const checkout = (name: string, worktree: string): RepoCheckout => ({ repo: { name } as ResolvedRepo, worktree, branch: `orchestra/p/r--${name}` });
const api = checkout('api', '/wt/r1/api');
const all = [api, checkout('web', '/wt/r1/web'), checkout('docs', '/wt/r1/api-docs')];

describe("issue 14: a turn's files that the primary repo commits", () => {
  it.each([
    ['relative paths', ['src/a.ts', 'b.txt'], ['src/a.ts', 'b.txt']],
    ['absolute inside the primary', ['/wt/r1/api/src/a.ts'], ['/wt/r1/api/src/a.ts']],
    ["absolute inside another repo's worktree", ['/wt/r1/web/page.html', 'a.ts'], ['a.ts']],
    ['a sibling whose name starts like the primary', ['/wt/r1/api-docs/x.md'], []],
    ['absolute outside every worktree (commitTurn refuses it)', ['/etc/passwd'], ['/etc/passwd']],
  ])('%s', (_name, files, expected) => {
    expect(primaryFiles(files, all, api)).toEqual(expected);
  });
});
