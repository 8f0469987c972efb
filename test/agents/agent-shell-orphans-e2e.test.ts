import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { killDriverMidCommand, orphanLedger, resumeEndsOrphanFirst } from '../cli/helpers/orphan-ledger.js';
import { assertBuilt, killGroup, spawnCli } from '../cli/helpers/spawn-cli.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';

// `node bin/orchestra.js run` with the agent backend against the fake model server: the model's
// shell command is the side effect a killed run must not leave running while resume runs it again.
let server: FakeModelServer;
let dir: string;
let project: string;
let home: string;
let ledger: ReturnType<typeof orphanLedger>;

beforeAll(async () => {
  assertBuilt();
  server = await startFakeModelServer();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-agent-orphans-'));
  project = join(dir, 'project');
  home = join(dir, 'home');
  ledger = orphanLedger(dir);
  mkdirSync(project);
  const yaml = `backend: agent\nproviders:\n  default: work\n  work:\n    type: openai-compatible\n    base_url: ${server.openaiBaseUrl}\n    api_key_env: WORK_OPENAI_KEY\n    models: { smart: fake-model, worker: fake-model, cheap: fake-model }\n`;
  writeFileSync(join(project, 'orchestra.yaml'), yaml);
  writeFileSync(join(project, 'pipeline.dot'), 'digraph E {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  work [prompt="Do the work"]\n  start -> work -> exit\n}\n');
});
afterAll(async () => {
  // Whatever happened, leave no shell command behind.
  for (const pid of ledger.pids) killGroup(pid);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the agent backend\'s shell commands left running by a killed run', () => {
  it('issue 8.11: after kill -9, resume ends the orphaned shell tool command before the node runs again: one side effect', { timeout: 60_000 }, async () => {
    const shell = { toolCalls: [{ name: 'shell', input: { command: ledger.command } }] };
    // The killed run uses the first turn; the resumed node asks again and then answers.
    server.script([shell, shell, { text: 'Done.' }]);
    const env = { WORK_OPENAI_KEY: 'sk-test' };
    const run = spawnCli(['run', 'pipeline.dot', '--auto-approve', '--json'], { cwd: project, home, env });
    const { runId, first } = await killDriverMidCommand(run, ledger, home);
    await resumeEndsOrphanFirst(ledger, { runId, first, cwd: project, home, env });
  });
});
