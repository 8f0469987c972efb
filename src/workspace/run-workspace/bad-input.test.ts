import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedRepo } from '../../config/config-types.js';
import { cleanupTemp, makeTempDir } from '../testing/temp-repo.js';
import { errorOf, userCheckout, workspaceFixture, type WorkspaceFixture } from '../testing/workspace-repos.js';
import { createRunWorkspaces } from './create-run-workspaces.js';

// api is a good repo; web is made bad in each case. Nothing may be made in either, and neither checkout changes.
let fx: WorkspaceFixture;
beforeAll(async () => {
  fx = await workspaceFixture(['api', 'web']);
  await fx.repos[1]!.write({ 'dirty.txt': 'the user is working here\n' });
});
afterAll(cleanupTemp);

const sessionBranches = async () => Promise.all(fx.repos.map((repo) => repo.git(['branch', '--list', 'orchestra/*'])));

describe('issue 14: bad workspace input fails clearly, before anything is made', () => {
  it.each<[string, (web: ResolvedRepo) => Promise<Partial<ResolvedRepo>>, RegExp, RegExp, { at?: Record<string, string>; pipeline?: string }?]>([
    ['not a git repository', async () => ({ path: await makeTempDir('orchestra-plain-') }), /^Workspace repo web: .* is not a git repository\.$/, /git init/],
    ['a missing folder', async () => ({ path: '/nonexistent/orchestra-repo' }), /^Workspace repo web: \/nonexistent\/orchestra-repo does not exist\.$/, /workspace\.repos\.web\.path/],
    ['a missing base branch', async () => ({ base: 'mian' }), /^Workspace repo web: the base branch "mian" does not exist .*Did you mean "main"\?/, /workspace\.repos\.web\.base/],
    ['a branch prefix git refuses', async () => ({ branchPrefix: 'bad..prefix/' }), /^Workspace repo web: git refuses the session branch name "bad\.\.prefix\/build\/b1"/, /branch_prefix/],
    ['a replay commit the repo lacks', async () => ({}), /^Workspace repo web: the commit "0123456789abcdef0123456789abcdef01234567" is not in /, /fetch the commit/, { at: { web: '0123456789abcdef0123456789abcdef01234567' } }],
  ])('issue 14: %s', async (_name, change, message, hint, run = {}) => {
    const web = { ...fx.config[1]!, ...(await change(fx.config[1]!)) };
    const before = await Promise.all(fx.repos.map(userCheckout));
    const error = await errorOf(createRunWorkspaces({ repos: [fx.config[0]!, web], worktreesRoot: fx.worktreesRoot }).create({ runId: 'b1', pipeline: run.pipeline ?? 'build', ...(run.at && { at: run.at }) }));
    expect(error.code).toBe('E_GIT');
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(await Promise.all(fx.repos.map(userCheckout))).toEqual(before);
    expect(await sessionBranches()).toEqual(['', '']);
    expect(existsSync(join(fx.worktreesRoot, 'b1'))).toBe(false);
  });

  it('issue 14: a detached HEAD needs a base branch; with one the run starts', async () => {
    const web = fx.repos[1]!;
    await web.git(['checkout', '--quiet', '--detach']);
    const before = await userCheckout(web);
    const error = await errorOf(createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot }).create({ runId: 'b2', pipeline: 'build' }));
    expect(error.message).toMatch(/^Workspace repo web: .* is on a detached HEAD/);
    expect(error.hint).toContain('workspace.repos.web.base');
    expect(await userCheckout(web)).toEqual(before);
    const withBase = [fx.config[0]!, { ...fx.config[1]!, base: 'main' }];
    const ws = await createRunWorkspaces({ repos: withBase, worktreesRoot: fx.worktreesRoot }).create({ runId: 'b3', pipeline: 'build' });
    expect(ws.branches.web).toBe('orchestra/build/b3');
    expect(await userCheckout(web)).toEqual(before);
    await web.git(['checkout', '--quiet', 'main']);
  });

  it('issue 14: a session branch that exists in the second repo fails, and the first repo\'s new session is removed again', async () => {
    await fx.repos[1]!.git(['branch', 'orchestra/build/b4']);
    const error = await errorOf(createRunWorkspaces({ repos: fx.config, worktreesRoot: fx.worktreesRoot }).create({ runId: 'b4', pipeline: 'build' }));
    expect(error.message).toMatch(/^Workspace repo web: the session branch orchestra\/build\/b4 already exists/);
    expect(await fx.repos[0]!.git(['branch', '--list', 'orchestra/build/b4'])).toBe('');
    expect(existsSync(join(fx.worktreesRoot, 'b4', 'api'))).toBe(false);
    await fx.repos[1]!.git(['branch', '-D', 'orchestra/build/b4']);
  });

  it('issue 14: no repos at all is a usage error', () => {
    expect(() => createRunWorkspaces({ repos: [], worktreesRoot: fx.worktreesRoot })).toThrow(/at least one workspace repo/);
  });
});
