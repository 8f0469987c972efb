import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../../../test/support/fake-model-server/index.js';
import { createAgentBackend } from '../../agents/agent-loop/index.js';
import type { AgentBackend, AgentRequest } from '../../agents/backend.js';
import { createRunWorkspaces } from '../../workspace/run-workspace/index.js';
import { cleanupTemp } from '../../workspace/testing/temp-repo.js';
import { filesOfCommit, userCheckout, workspaceFixture } from '../../workspace/testing/workspace-repos.js';
import { createDefaultRegistry } from '../handlers/index.js';
import { startRun } from '../runner.js';
import { createEngineHarness, pipelineFile, type EngineHarness } from '../testing/engine-harness.js';
import { linearDot } from '../testing/linear-dot.js';

let server: FakeModelServer;
let harness: EngineHarness;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await harness?.cleanup();
  await cleanupTemp();
});

/** The agent backend as the router wires it: each turn becomes an `agent.turn` event of the node's run. */
function agentBackend(): AgentBackend {
  const emitters = new Map<string, NonNullable<AgentRequest['emit']>>();
  const agent = createAgentBackend({
    resolveModel: () => ({ provider: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: server.anthropicBaseUrl }),
    env: { ANTHROPIC_API_KEY: 'sk-test', PATH: process.env.PATH },
    onTurn: async ({ runId, nodeId, ...rest }) => emitters.get(runId)?.({ type: 'agent.turn', node: nodeId, ...rest }),
  });
  return {
    name: 'agent',
    createsStageDir: true,
    run(request) {
      if (request.emit) emitters.set(request.runId, request.emit);
      return agent.run(request);
    },
  };
}

const source = linearDot('Turns', ['fix [prompt="Write the files in $workspace.app"]']);

describe('issue 14: an agent node in a real workspace', () => {
  it('commits each turn\'s files on the session branch with the turn trailer and records the heads with agent.turn', async () => {
    const fixture = await workspaceFixture(['app']);
    const [repo] = fixture.repos;
    const before = await userCheckout(repo!);
    const workspaces = createRunWorkspaces({ repos: fixture.config, worktreesRoot: fixture.worktreesRoot });
    harness = await createEngineHarness();
    server.script([
      { toolCalls: [{ name: 'write_file', input: { path: 'a.txt', content: 'one' } }] },
      { toolCalls: [{ name: 'read_file', input: { path: 'a.txt' } }] },
      { toolCalls: [{ name: 'write_file', input: { path: 'src/b.txt', content: 'two' } }] },
      { text: 'done' },
    ]);
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ registry: createDefaultRegistry(), backend: agentBackend(), workspaces }));
    expect(await handle.result()).toMatchObject({ state: 'completed' });

    const turns = harness.events.filter((event) => event.type === 'agent.turn');
    const heads = turns.map((event) => (event.type === 'agent.turn' ? event.commits?.['app'] : undefined));
    expect(heads).toHaveLength(4);
    // Turn 2 only read: no commit, the same heads as turn 1; turn 4 answered.
    expect([heads[1], heads[3]]).toEqual([heads[0], heads[2]]);
    const worktree = (harness.events.find((event) => event.type === 'workspace.opened') as { repos: Record<string, { path: string }> }).repos['app']!.path;
    expect(await filesOfCommit(worktree, heads[0]!)).toEqual(['a.txt']);
    expect(await filesOfCommit(worktree, heads[2]!)).toEqual(['src/b.txt']);
    const trailers = await repo!.git(['log', '-1', '--format=%(trailers:only,unfold)', heads[2]!]);
    expect(trailers.trim()).toBe(`Orchestra-Run: ${handle.runId}\nOrchestra-Node: fix\nOrchestra-Turn: 3`);
    // The prompt named the worktree; the node's end had nothing left to commit.
    expect(JSON.stringify(server.requests[0]!.body)).toContain(`Write the files in ${worktree}`);
    expect((await harness.store.latestCheckpoint(handle.runId))?.context['internal.workspace.app']).toBe(heads[2]);
    expect(await userCheckout(repo!)).toEqual(before);
  });
});
