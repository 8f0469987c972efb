import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, spawnCli } from '../cli/helpers/spawn-cli.js';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server/index.js';

// `node bin/orchestra.js run` with the agent backend against the fake model server: the model runs
// `env` through the shell tool, as a prompt-injected model would to find credentials.
let server: FakeModelServer;
let dir: string;
beforeAll(async () => {
  assertBuilt();
  server = await startFakeModelServer();
  dir = mkdtempSync(join(tmpdir(), 'orchestra-tool-env-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const secrets = { WORK_OPENAI_KEY: 'sk-work-key-1111', AWS_SECRET_ACCESS_KEY: 'aws-secret-2222', DATABASE_URL: 'postgres://app:db-password-3333@db/app' };

function filesNamed(root: string, pattern: RegExp): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => pattern.test(file)).map((file) => join(root, file));
}

describe('issue 8.2: the agent backend\'s shell tool never sees the caller\'s secrets', () => {
  it('env run by the model shows none of them: not in the tool result, the turn files or the next request', { timeout: 60_000 }, async () => {
    const project = join(dir, 'project');
    const home = join(dir, 'home');
    mkdirSync(project);
    const yaml = `backend: agent\nagent:\n  pass_env: [PROJECT_FLAG]\nproviders:\n  default: work\n  work:\n    type: openai-compatible\n    base_url: ${server.openaiBaseUrl}\n    api_key_env: WORK_OPENAI_KEY\n    models: { smart: fake-model, worker: fake-model, cheap: fake-model }\n`;
    writeFileSync(join(project, 'orchestra.yaml'), yaml);
    writeFileSync(join(project, 'pipeline.dot'), 'digraph E {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  look [prompt="Look around"]\n  start -> look -> exit\n}\n');
    server.script([{ toolCalls: [{ name: 'shell', input: { command: 'env' } }] }, { text: 'Done.' }]);
    const before = server.requests.length;
    const cli = spawnCli(['run', 'pipeline.dot', '--auto-approve', '--quiet'], { cwd: project, home, env: { ...secrets, PROJECT_FLAG: 'visible-4444' } });
    const { code } = await cli.exited;
    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);

    const [turnFile] = filesNamed(home, /turn-001\.json$/);
    const turn = JSON.parse(readFileSync(turnFile!, 'utf8')) as { tool_calls: { name: string; output: string }[] };
    const output = turn.tool_calls[0]!.output;
    expect(output).toContain('PATH=');
    expect(output).toContain('PROJECT_FLAG=visible-4444');
    const requests = server.requests.slice(before);
    expect(requests).toHaveLength(2);
    const seen = [output, ...filesNamed(home, /turn-\d+\.json$/).map((file) => readFileSync(file, 'utf8')), JSON.stringify(requests[1]!.body)];
    for (const text of seen) for (const [name, value] of Object.entries(secrets)) {
      expect(text, name).not.toContain(value);
      expect(text, name).not.toContain(`${name}=`);
    }
  });
});
