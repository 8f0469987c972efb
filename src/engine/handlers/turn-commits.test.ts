import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import type { HandlerInput } from '../handler.js';
import { buildNode } from '../testing/build-graph.js';
import { FakeWorkspaces } from '../testing/fake-workspaces.js';
import { filesUnder, turnCommitterFor } from './turn-commits.js';

describe('issue 14: an agent turn\'s commit', () => {
  it.each([
    ['absolute inside → relative', ['/ws/app/a.txt', '/ws/app/src/b.ts'], ['a.txt', 'src/b.ts']],
    ['outside the primary worktree → dropped', ['/ws/lib/x', '/etc/passwd', '/ws/app/../other'], []],
    ['the root itself → dropped', ['/ws/app'], []],
    ['duplicates once', ['/ws/app/a', '/ws/app/a'], ['a']],
  ])('%s', (_name, files, expected) => {
    expect(filesUnder('/ws/app', files)).toEqual(expected);
  });

  it('commits the turn\'s files with its number, records heads without a commit for a turn that wrote nothing', async () => {
    const workspaces = new FakeWorkspaces();
    const workspace = await workspaces.create({ runId: 'r1', pipeline: 'p' });
    const input = { run: { id: 'r1', workspace }, node: buildNode('fix'), services: { logger: silentLogger } } as unknown as HandlerInput;
    const commitTurn = turnCommitterFor(input)!;
    expect(await commitTurn(1, ['/ws/app/a.txt'])).toEqual({ app: 'app-1' });
    expect(await commitTurn(2, [])).toEqual({ app: 'app-1' });
    expect(await commitTurn(3)).toEqual({ app: 'app-2' });
    expect(workspaces.commitsOf('commit').map((call) => call.scope)).toEqual([
      { runId: 'r1', node: 'fix', turn: 1, files: ['a.txt'] },
      { runId: 'r1', node: 'fix', turn: 3 },
    ]);
  });

  it('is absent without a workspace', () => {
    expect(turnCommitterFor({ run: { id: 'r1' }, node: buildNode('fix'), services: { logger: silentLogger } } as unknown as HandlerInput)).toBeUndefined();
  });
});
