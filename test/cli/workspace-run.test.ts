import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { openHomeStore } from '../../src/cli/testing/seed-runs.js';
import { assertBuilt, eventLine, eventually, killGroup, runBin, spawnCli } from './helpers/spawn-cli.js';

// Real parts (issue 14): the built CLI, a real git repository with a bare remote, a temp ORCHESTRA_HOME.
let ws: Workspace;
let app: string;
let remote: string;
let toolPid: number | undefined;

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

interface JsonEvent {
  type: string;
  runId: string;
  node?: string;
  resumed?: boolean;
  repos?: Record<string, { branch: string; path: string; sha: string }>;
  repo?: string;
  ref?: string;
  sha?: string;
  error?: string;
  state?: string;
}
const eventsOf = (stdout: string): JsonEvent[] => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonEvent);
const opened = (events: JsonEvent[]) => events.find((event) => event.type === 'workspace.opened')!.repos!.app!;

function setUp(remoteUrl?: string, push = 'on_completion', head = '') {
  app = join(ws.dir, 'app');
  remote = join(ws.dir, 'remote.git');
  mkdirSync(app);
  git(app, 'init', '--quiet', '--initial-branch=main');
  git(app, 'config', 'user.name', 'Test');
  git(app, 'config', 'user.email', 'test@example.com');
  writeFileSync(join(app, 'README.md'), 'app\n');
  git(app, 'add', '-A');
  git(app, 'commit', '--quiet', '-m', 'initial');
  git(ws.dir, 'init', '--quiet', '--bare', remote);
  git(app, 'remote', 'add', 'origin', remoteUrl ?? remote);
  ws.write('orchestra.yaml', `${head}workspace:\n  repos:\n    app:\n      path: app\n      push: ${push}\n`);
}

const pipeline = (slow = '') => `digraph WS {
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  one   [shape=parallelogram, tool_command="echo one > one.txt"]
  ${slow}
  two   [shape=parallelogram, tool_command="echo two > two.txt; echo $ORCHESTRA_WORKSPACE_APP > where.txt"]
  start -> one -> ${slow ? 'slow -> ' : ''}two -> exit
}
`;

let server: FakeModelServer;
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(() => server.close());

beforeEach(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-ws-e2e-');
  toolPid = undefined;
});
afterEach(() => {
  killGroup(toolPid);
  ws.remove();
});

describe('issue 14: orchestra run with a workspace repo', () => {
  it('commits each node on the session branch with its files and trailers, pushes on completion, leaves the user\'s checkout untouched', async () => {
    setUp();
    ws.write('ws.dot', pipeline());
    writeFileSync(join(app, 'dirty.txt'), 'the user\'s own work\n');
    const before = { head: git(app, 'rev-parse', 'HEAD'), status: git(app, 'status', '--porcelain') };
    const run = await runBin(['run', 'ws.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    expect(run.code, run.stderr).toBe(0);
    const events = eventsOf(run.stdout);
    const { runId } = events[0]!;
    const branch = `orchestra/WS/${runId}`;
    expect(opened(events)).toMatchObject({ branch, sha: before.head });

    // One commit per node that left files, each with only its files and the Orchestra trailers.
    const log = git(app, 'log', '--format=%H', `main..${branch}`).split('\n').reverse();
    expect(log).toHaveLength(2);
    const filesOf = (sha: string) => git(app, 'diff-tree', '--no-commit-id', '--name-only', '-r', sha).split('\n').sort();
    expect(log.map(filesOf)).toEqual([['one.txt'], ['two.txt', 'where.txt']]);
    const trailers = log.map((sha) => git(app, 'log', '-1', '--format=%(trailers:only,unfold)', sha));
    expect(trailers).toEqual([`Orchestra-Run: ${runId}\nOrchestra-Node: one`, `Orchestra-Run: ${runId}\nOrchestra-Node: two`]);
    // The tools ran in the session worktree and saw every repo's path.
    const worktree = opened(events).path;
    expect(readFileSync(join(worktree, 'where.txt'), 'utf8').trim()).toBe(worktree);

    // Pushed on completion to the bare remote; the last checkpoint recorded the pushed commit.
    expect(git(remote, 'rev-parse', branch)).toBe(log[1]);
    expect(events.filter((event) => event.type === 'workspace.pushed')).toHaveLength(1);
    const store = await openHomeStore(ws.home);
    try {
      expect((await store.latestCheckpoint(runId))?.context['internal.workspace.app']).toBe(log[1]);
    } finally {
      await store.close();
    }

    expect({ head: git(app, 'rev-parse', 'HEAD'), status: git(app, 'status', '--porcelain') }).toEqual(before);
    expect(existsSync(join(app, 'one.txt'))).toBe(false);
    // The human output has one line per workspace event.
    const human = await runBin(['run', 'ws.dot', '--simulate'], { cwd: ws.dir, home: ws.home });
    expect(human.stdout).toMatch(/⎇ working in app on orchestra\/WS\/\w+ at [0-9a-f]{12}/);
    expect(human.stdout).toMatch(/⎇ pushed orchestra\/WS\/\w+ of app/);
  });

  it('an unreachable remote is reported and the run still completes', async () => {
    setUp(join(ws.dir, 'no-such-remote.git'));
    ws.write('ws.dot', pipeline());
    const run = await runBin(['run', 'ws.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    expect(run.code, run.stderr).toBe(0);
    const events = eventsOf(run.stdout);
    expect(events.find((event) => event.type === 'workspace.push_failed')).toMatchObject({ repo: 'app', branch: `orchestra/WS/${events[0]!.runId}` });
    expect(events.at(-1)).toMatchObject({ type: 'result', state: 'completed' });
  });

  it('kill -9 in the middle of a tool node, then resume: back at the last checkpoint\'s commit, the stray file kept on a rescue ref', async () => {
    setUp();
    const marker = join(ws.dir, 'marker');
    const pidFile = join(ws.dir, 'slow.pid');
    ws.write('ws.dot', pipeline(`slow [shape=parallelogram, tool_command="echo stray > stray.txt; echo $$ > '${pidFile}'; i=0; while [ ! -f '${marker}' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; test -f '${marker}'"]`));
    const run = spawnCli(['run', 'ws.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home });
    await run.waitForStdout(eventLine('node.started', 'slow'));
    toolPid = await eventually(() => {
      const text = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '';
      return /^\d+$/.test(text) ? Number(text) : undefined;
    }, 'the slow tool node to write its pid');
    const events = eventsOf(run.stdout());
    const { runId } = events[0]!;
    const worktree = opened(events).path;
    expect(readFileSync(join(worktree, 'stray.txt'), 'utf8')).toBe('stray\n');
    killGroup(run.child.pid);
    killGroup(toolPid);
    expect((await run.exited).signal).toBe('SIGKILL');

    const store = await openHomeStore(ws.home);
    const checkpointHead = await store.latestCheckpoint(runId).then((checkpoint) => checkpoint?.context['internal.workspace.app'] as string);
    await store.close();
    expect(git(worktree, 'show', '--name-only', '--format=', checkpointHead)).toBe('one.txt');

    writeFileSync(marker, '');
    const resumed = await runBin(['resume', runId, '--json'], { cwd: ws.dir, home: ws.home });
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = eventsOf(resumed.stdout);
    const rescued = after.find((event) => event.type === 'workspace.rescued');
    expect(rescued).toMatchObject({ repo: 'app', ref: expect.stringMatching(new RegExp(`^refs/orchestra/rescue/${runId}/`)) });
    expect(git(app, 'show', `${rescued!.ref}:stray.txt`)).toBe('stray');
    expect(opened(after)).toMatchObject({ sha: checkpointHead, path: worktree });
    // The resumed run went on from that commit: slow's and two's commits follow one's.
    const log = git(app, 'log', '--format=%(trailers:key=Orchestra-Node,valueonly)', `main..orchestra/WS/${runId}`).split('\n').filter(Boolean).reverse();
    expect(log).toEqual(['one', 'slow', 'two']);
  });

  it('replay from checkpoint 2 starts a new session branch with the files of checkpoint 2', async () => {
    setUp(undefined, 'never');
    ws.write('ws.dot', pipeline());
    const first = eventsOf((await runBin(['run', 'ws.dot', '--simulate', '--json'], { cwd: ws.dir, home: ws.home })).stdout);
    const { runId } = first[0]!;
    const store = await openHomeStore(ws.home);
    const atTwo = await store.getCheckpoint(runId, 2).then((checkpoint) => checkpoint?.context['internal.workspace.app'] as string);
    await store.close();
    const firstHead = git(app, 'rev-parse', `orchestra/WS/${runId}`);

    const replay = await runBin(['replay', runId, '--checkpoint', '2', '--json'], { cwd: ws.dir, home: ws.home });
    expect(replay.code, replay.stderr).toBe(0);
    const events = eventsOf(replay.stdout);
    const session = opened(events);
    expect(session).toMatchObject({ branch: `orchestra/WS/${events[0]!.runId}`, sha: atTwo });
    expect(git(app, 'ls-tree', '--name-only', atTwo).split('\n').sort()).toEqual(['README.md', 'one.txt']);
    // The replay ran `two` again on its own branch; the first run's branch is unchanged.
    expect(git(app, 'log', '--format=%(trailers:key=Orchestra-Node,valueonly)', `${atTwo}..${session.branch}`).split('\n').filter(Boolean)).toEqual(['two']);
    expect(git(app, 'rev-parse', `orchestra/WS/${runId}`)).toBe(firstHead);
  });

  it('an agent node commits each turn with a message by the cheap model', async () => {
    setUp(undefined, 'never', `backend: agent\nproviders:\n  default: anthropic\n  anthropic:\n    base_url: ${server.anthropicBaseUrl}\n    models:\n      cheap: claude-haiku-4-5\n`);
    ws.write('agent.dot', 'digraph Agent {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  fix [prompt="Write a.txt"]\n  start -> fix -> exit\n}\n');
    server.script([{ toolCalls: [{ name: 'write_file', input: { path: 'a.txt', content: 'one' } }] }, { text: 'Add a.txt saying one' }, { text: 'done' }]);
    const run = await runBin(['run', 'agent.dot', '--json'], { cwd: ws.dir, home: ws.home, env: { ANTHROPIC_API_KEY: 'sk-test' } });
    expect(run.code, run.stderr).toBe(0);
    const events = eventsOf(run.stdout);
    const turn = events.find((event) => event.type === 'agent.turn') as JsonEvent & { commits: Record<string, string> };
    const message = git(app, 'log', '-1', '--format=%B', turn.commits['app']!);
    expect(message).toBe(`Add a.txt saying one\n\nOrchestra-Run: ${events[0]!.runId}\nOrchestra-Node: fix\nOrchestra-Turn: 1`);
    expect(git(app, 'show', `${turn.commits['app']}:a.txt`)).toBe('one');
    expect(JSON.stringify(server.requests[1]!.body)).toContain('claude-haiku-4-5');
  });

  it('a workspace repo that is not a git repository: a clear error naming it, no run started', async () => {
    mkdirSync(join(ws.dir, 'plain'));
    ws.write('orchestra.yaml', 'workspace:\n  repos:\n    app:\n      path: plain\n');
    ws.write('ws.dot', pipeline());
    const run = await runBin(['run', 'ws.dot', '--simulate'], { cwd: ws.dir, home: ws.home });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`error[E_GIT]: Workspace repo app: ${join(ws.dir, 'plain')} is not a git repository.`);
    expect(existsSync(join(ws.dir, 'plain', 'one.txt'))).toBe(false);
    const store = await openHomeStore(ws.home);
    try {
      expect(await store.listRuns()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
