import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';
import { TaskProject } from '../support/task-project.js';
import type { Browser } from './browser.js';
import { deadline, shots } from './dashboard-session.js';
import { loggedInDashboard, showFailure, type LoggedInDashboard } from './logged-in-dashboard.js';

/*
 * A run page's node panel with a real agent (issue 15): the daemon runs an agent node with the
 * `agent` backend (the agent loop, not --simulate) against the fake model server, which
 * orchestra.yaml's provider `base_url` points at (the daemon reads the project's orchestra.yaml;
 * the key comes from the daemon's environment, which the CLI that starts it passes on). Workspaces
 * are on, so every turn that wrote a file is a commit on the run's session branch, and the panel
 * shows that commit's diff.
 */

const worker = 'claude-sonnet-4-5';
const cheap = 'claude-haiku-4-5';

const pipeline = `digraph Notes {
  graph [goal="Write the release notes"]
  start [shape=Mdiamond]
  exit  [shape=Msquare]
  write [prompt="Write NOTES.md and CHANGES.md in $workspace.app"]
  start -> write -> exit
}
`;

let model: FakeModelServer;
let p: TaskProject;
let url: string;
let browser: Browser;
let api: LoggedInDashboard['api'];

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

/** A repository of its own beside the project: the run's workspace (docs/workspaces.md). */
function appRepo(): string {
  const app = join(p.root, 'app');
  mkdirSync(app);
  git(app, 'init', '--quiet', '--initial-branch=main');
  git(app, 'config', 'user.name', 'Test');
  git(app, 'config', 'user.email', 'test@orchestra.invalid');
  writeFileSync(join(app, 'README.md'), 'the app\n');
  git(app, 'add', '-A');
  git(app, 'commit', '--quiet', '-m', 'initial');
  return app;
}

beforeAll(async () => {
  model = await startFakeModelServer();
  p = new TaskProject({ env: { ANTHROPIC_API_KEY: 'sk-test' } });
  appRepo();
  writeFileSync(
    join(p.project, 'orchestra.yaml'),
    `backend: agent
providers:
  default: anthropic
  anthropic:
    base_url: ${model.anthropicBaseUrl}
    models: { smart: ${worker}, worker: ${worker}, cheap: ${cheap} }
workspace:
  repos:
    app:
      path: ../app
      push: never
`,
  );
  writeFileSync(join(p.project, 'notes.dot'), pipeline);
  ({ url, browser, api } = await loggedInDashboard(p));
}, 120_000);

afterEach(async (context) => {
  await showFailure(browser, context, 'run-agent-turns');
  if (context.task.result?.state === 'fail') console.log('model requests:', JSON.stringify(model.requests.map((request) => [request.path, request.model])));
});

afterAll(async () => {
  await browser?.close();
  await p?.cleanup();
  await model?.close();
});

describe('issue 15: agent turns in the node panel', () => {
  it('issue 15: an agent node run by the daemon with the agent loop and workspaces: its panel lists each turn\'s tokens, cost and tools, and each writing turn\'s commit and diff', { timeout: 120_000 }, async () => {
    const { page } = browser;
    // The worker's three turns: two write a file each, the last answers. The cheap model names each commit.
    model.script(
      [
        { toolCalls: [{ name: 'write_file', input: { path: 'NOTES.md', content: '# Notes\n\nThe widget ships.\n' } }] },
        { toolCalls: [{ name: 'write_file', input: { path: 'CHANGES.md', content: '- faster widgets\n' } }] },
        { text: 'Wrote NOTES.md and CHANGES.md.' },
      ],
      { model: worker },
    );
    model.script([{ text: 'Add the release notes' }, { text: 'Add the change list' }], { model: cheap });

    const runId = String((await api('/runs', { project: p.project, file: 'notes.dot' })).runId);
    await page.goto(`${url}/#/runs/${runId}`);
    await page.locator('[data-testid="run-state"] .badge-completed').waitFor(deadline);
    expect(model.remaining).toBe(0);

    await page.locator('.react-flow__node[data-id="write"]').click();
    const panel = page.getByTestId('node-panel');
    const turns = panel.getByTestId('agent-turns').locator(':scope > li');
    await expect.poll(() => turns.count(), deadline).toBe(3);
    const texts = await turns.allInnerTexts();
    for (const [index, text] of texts.entries()) expect(text).toMatch(new RegExp(`^turn ${index + 1} .*: \\d+ in / \\d+ out tokens, \\$\\d+\\.\\d{4}`));
    expect(texts[0]).toContain('tools: write_file');
    expect(texts[1]).toContain('tools: write_file');
    expect(texts[2]).not.toContain('tools:');

    // Each writing turn is a commit whose diff holds only the file it wrote; the answering turn has none.
    const runBranch = git(join(p.root, 'app'), 'log', '--format=%H %s', `main..orchestra/Notes/${runId}`).split('\n').reverse();
    expect(runBranch.map((line) => line.slice(41))).toEqual(['Add the release notes', 'Add the change list']);
    for (const [index, file, line, commit] of [[0, 'NOTES.md', '+The widget ships.', runBranch[0]!], [1, 'CHANGES.md', '+- faster widgets', runBranch[1]!]] as const) {
      const turn = turns.nth(index);
      await expect.poll(() => turn.locator('.mono.muted').innerText(), deadline).toMatch(new RegExp(`^app [0-9a-f]{8}\\.\\.${commit.slice(0, 8)}$`));
      await turn.getByText('Diff of app').click();
      const diff = await turn.locator('pre.diff').innerText();
      expect(diff).toContain(`+++ b/${file}`);
      expect(diff).toContain(line);
      expect(diff.match(/^\+\+\+ /gm)).toHaveLength(1);
      expect(await turn.locator('.diff-add', { hasText: line }).count()).toBe(1);
    }
    expect(await turns.nth(2).getByText('Diff of app').count()).toBe(0);
    await panel.getByText(/^Cost$/).waitFor(deadline);
    await page.screenshot({ path: join(shots, 'run-agent-turns.png') });
  });

  it('issue 15: the page logged no error', () => {
    expect(browser.errors).toEqual([]);
  });
});
