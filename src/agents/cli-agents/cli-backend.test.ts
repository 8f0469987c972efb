import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentResult } from '../backend.js';
import { createCliBackend } from './cli-backend.js';
import { cliRequest, eventually, fakeCli, isAlive, str, tempDir } from './cli-test-support.js';
import { parseCliProfile } from './profile-schema.js';

const jsonl = { format: 'jsonl', text: { path: 'result', when: { type: 'result' } }, session_id: 'session_id', cost_usd: 'cost', turns: 'turns' } as const;

function backendWith(stanza: Record<string, unknown>, killGraceMs = 2_000) {
  return createCliBackend({ profiles: { fake: parseCliProfile('fake', stanza) }, defaultProfile: 'fake', killGraceMs });
}

describe('createCliBackend', () => {
  it('fails a CLI that is not installed with the profile name and the npm install command', async () => {
    const dir = tempDir('missing');
    const backend = backendWith({ command: 'orchestra-no-such-cli', args: ['{prompt}'], npm_package: '@example/no-such-cli' });
    await expect(backend.run(cliRequest(dir, 'plan'))).resolves.toEqual({
      outcome: { status: 'fail', failureReason: 'CLI agent "fake" is not installed: "orchestra-no-such-cli" was found neither on PATH nor in a node_modules/.bin. Install it with: npm install -g @example/no-such-cli (or set cli_agents.fake.command to its path).' },
    });
  });

  it('fails a node naming an unknown profile, listing the known ones', async () => {
    const backend = createCliBackend();
    const result = await backend.run(cliRequest(tempDir('unknown'), 'plan', { cli: str('aider') }));
    expect(result.outcome.failureReason).toBe('No CLI profile "aider" for node "plan"; known profiles: claude-code, opencode, codex, gemini.');
  });

  it('skips an unparseable output line, keeps it in agent.log and counts it in usage.json', async () => {
    const dir = tempDir('unparsed');
    const cli = fakeCli(dir, 'agent', `echo 'Loading plugins... not JSON'\nprintf '%s\\n' '{"type":"result","result":"Wrote the plan.","session_id":"s-7","cost":0.25,"turns":3}'`);
    const request = cliRequest(dir, 'plan');
    const result = await backendWith({ command: cli, args: ['{prompt}'], output: jsonl }).run(request);
    expect(result).toEqual({
      outcome: { status: 'success', contextUpdates: { 'agent.cli': 'fake', 'agent.session_id': 's-7', 'agent.cost_usd': 0.25, 'agent.turns': 3 } },
      response: 'Wrote the plan.',
    });
    expect(readFileSync(join(request.stageDir, 'agent.log'), 'utf8')).toContain('Loading plugins... not JSON\n{"type":"result"');
    const usage = JSON.parse(readFileSync(join(request.stageDir, 'usage.json'), 'utf8')) as Record<string, unknown>;
    expect(usage).toMatchObject({ cli: 'fake', sessionId: 's-7', costUsd: 0.25, turns: 3, unparsedLines: 1, exitCode: 0, argv: [cli, '<prompt>'], cwd: dir });
  });

  it('fails when no line is a final answer, quoting the first unparseable line', async () => {
    const dir = tempDir('garbage');
    const cli = fakeCli(dir, 'agent', `echo 'segfault in module foo'\necho '{"type":"progress"}'`);
    const result = await backendWith({ command: cli, args: ['{prompt}'], output: jsonl }).run(cliRequest(dir, 'plan'));
    expect(result.outcome).toEqual({
      status: 'fail',
      failureReason: 'CLI agent "fake" printed no final answer in its JSON lines. 1 line was not JSON, the first: "segfault in module foo".',
      contextUpdates: { 'agent.cli': 'fake' },
    });
  });

  it('passes the prompt on stdin, after the preamble, and runs in the working directory', async () => {
    const dir = tempDir('stdin');
    const cli = fakeCli(dir, 'agent', 'pwd; cat');
    const request = cliRequest(dir, 'plan', {}, { prompt: '- starts with a dash', preamble: 'Completed: start (success)' });
    const result = await backendWith({ command: cli, prompt_via: 'stdin' }).run(request);
    expect(result.response).toBe(`${dir}\nCompleted: start (success)\n\n- starts with a dash`);
  });

  it('maps an outcome block at the end of the answer like every backend', async () => {
    const dir = tempDir('outcome');
    const cli = fakeCli(dir, 'agent', `echo 'Tests fail.'; echo '{"outcome":"fail","failure_reason":"2 tests fail"}'`);
    const result = await backendWith({ command: cli, args: ['{prompt}'] }).run(cliRequest(dir, 'test'));
    expect(result).toEqual({ outcome: { status: 'fail', failureReason: '2 tests fail', contextUpdates: { 'agent.cli': 'fake' } }, response: 'Tests fail.' });
  });

  it('fails on a non-zero exit with the end of stderr', async () => {
    const dir = tempDir('exit');
    const cli = fakeCli(dir, 'agent', 'echo "API key missing" >&2; exit 3');
    const result = await backendWith({ command: cli, args: ['{prompt}'] }).run(cliRequest(dir, 'plan'));
    expect(result.outcome.failureReason).toBe('CLI agent "fake" exited with code 3. Last output: API key missing');
  });

  it('resumes the thread session for a later node with fidelity full, and passes the model', async () => {
    const dir = tempDir('resume');
    const cli = fakeCli(dir, 'agent', `printf '{"type":"result","result":"args: %s","session_id":"sess-%s"}\\n' "$*" "$$"`);
    const backend = backendWith({ command: cli, args: [['--model', '{model}'], ['--resume', '{resume_id}'], '{prompt}'], output: jsonl, models: { smart: 'big-model' } });
    const first = await backend.run(cliRequest(dir, 'a', { llm_model: str('smart') }, { fidelity: 'full', threadId: 'main' }));
    const sessionId = first.outcome.contextUpdates?.['agent.session_id'] as string;
    expect(first.response).toBe('args: --model big-model Do the work');
    const second = await backend.run(cliRequest(dir, 'b', {}, { fidelity: 'full', threadId: 'main', prompt: 'next' }));
    expect(second.response).toBe(`args: --resume ${sessionId} next`);
    const otherThread = await backend.run(cliRequest(dir, 'c', {}, { fidelity: 'full', threadId: 'side', prompt: 'x' }));
    expect(otherThread.response).toBe('args: x');
    const compact = await backend.run(cliRequest(dir, 'd', {}, { fidelity: 'compact', threadId: 'main', prompt: 'y' }));
    expect(compact.response).toBe('args: y');
  });
});

describe('issue 8.9: a session id from a CLI\'s output is resumed only when well-formed', () => {
  it.each([
    ['an option', '--dangerously-skip-permissions'],
    ['a command substitution', '$(touch pwned)'],
    ['an overlong id', 'x'.repeat(200)],
  ])('%s is never passed back', async (_name, bad) => {
    const dir = tempDir('bad-session');
    const cli = fakeCli(dir, 'agent', `printf '%s\\n' '${JSON.stringify({ type: 'result', result: 'ok', session_id: bad }).replaceAll("'", "'\\''")}'; printf 'args: %s' "$*" > ${join(dir, 'argv')}`);
    const backend = backendWith({ command: cli, args: [['--resume', '{resume_id}'], '{prompt}'], output: jsonl });
    await backend.run(cliRequest(dir, 'a', {}, { fidelity: 'full', threadId: 'main' }));
    await backend.run(cliRequest(dir, 'b', {}, { fidelity: 'full', threadId: 'main', prompt: 'next' }));
    expect(readFileSync(join(dir, 'argv'), 'utf8')).toBe('args: next');
  });
});

describe('stopping a CLI', () => {
  // The CLI ignores SIGTERM and leaves a grandchild behind: only SIGKILL to the whole group stops both.
  const stubborn = (pidFile: string) => `trap '' TERM\nsleep 300 &\necho "$$ $!" > ${pidFile}\nwait`;

  it('decision 19: the node timeout kills the whole process group, leaving no orphans', async () => {
    const dir = tempDir('timeout');
    const pidFile = join(dir, 'pids');
    const cli = fakeCli(dir, 'agent', stubborn(pidFile));
    const result = await backendWith({ command: cli, args: ['{prompt}'] }, 300).run(cliRequest(dir, 'slow', { timeout: str('1s') }));
    expect(result.outcome.failureReason).toBe('CLI agent "fake" timed out after 1.0s; its process group was stopped.');
    const pids = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    expect(pids).toHaveLength(2);
    await eventually(() => (pids.some(isAlive) ? undefined : true), 10_000, 'the CLI and its child to exit');
  });

  it('issue 9: a timeout says what the agent was doing, and each activity is an agent.activity event', async () => {
    const dir = tempDir('activity');
    const cli = fakeCli(dir, 'agent', `printf '%s\\n' '{"type":"assistant","message":{"content":[{"type":"tool_use","name":"Bash"}]}}' '{"type":"system","subtype":"api_retry","attempt":6,"max_retries":10}'\nexec sleep 30`);
    const events: unknown[] = [];
    const request = cliRequest(dir, 'slow', { timeout: str('1s') }, { emit: (event) => Promise.resolve(void events.push(event)) });
    const result = await backendWith({ command: cli, args: ['{prompt}'], output: jsonl }, 300).run(request);
    expect(result.outcome.failureReason).toBe('CLI agent "fake" timed out after 1.0s; its process group was stopped. Its last activity: api_retry 6/10.');
    expect(events).toEqual([
      { type: 'agent.activity', node: 'slow', activity: 'tool Bash' },
      { type: 'agent.activity', node: 'slow', activity: 'api_retry 6/10' },
    ]);
  });

  it('an aborted signal kills the group and rejects with the reason', async () => {
    const dir = tempDir('abort');
    const pidFile = join(dir, 'pids');
    const cli = fakeCli(dir, 'agent', stubborn(pidFile));
    const controller = new AbortController();
    const running: Promise<AgentResult> = backendWith({ command: cli, args: ['{prompt}'] }, 300).run(cliRequest(dir, 'slow', {}, { signal: controller.signal }));
    const pids = await eventually(() => readPids(pidFile), 20_000, 'the CLI to start');
    controller.abort(new Error('run cancelled'));
    await expect(running).rejects.toThrow('run cancelled');
    await eventually(() => (pids.some(isAlive) ? undefined : true), 10_000, 'the CLI and its child to exit');
  });
});

function readPids(file: string): number[] | undefined {
  try {
    const pids = readFileSync(file, 'utf8').trim().split(' ').map(Number);
    return pids.length === 2 && pids.every((pid) => pid > 0) ? pids : undefined;
  } catch {
    return undefined;
  }
}

describe('issue 8.2: what of the caller\'s environment reaches a CLI', () => {
  it('the base list, the profile\'s pass_env and env, agent.pass_env and the node\'s pass_env; nothing else', async () => {
    const dir = tempDir('env');
    const cli = fakeCli(dir, 'agent', 'env');
    const caller = {
      PATH: process.env.PATH ?? '/usr/bin', HOME: dir, FAKE_API_KEY: 'needed-by-the-cli', FAKE_BASE_URL: 'http://127.0.0.1:1',
      CONFIG_FLAG: 'from-agent-pass-env', NODE_FLAG: 'from-the-node', AWS_SECRET_ACCESS_KEY: 'aws-secret', DATABASE_URL: 'postgres://u:pw@db/x',
    };
    const profile = parseCliProfile('fake', { command: cli, args: ['{prompt}'], pass_env: ['FAKE_*'], env: { FAKE_TELEMETRY: '0' } });
    const backend = createCliBackend({ profiles: { fake: profile }, defaultProfile: 'fake', env: caller, passEnv: ['CONFIG_FLAG'] });
    const result = await backend.run(cliRequest(dir, 'plan', { pass_env: str('NODE_FLAG') }));
    const names = (result.response ?? '').split('\n').map((line) => line.split('=')[0]).filter((name) => name !== '' && name !== 'PWD' && name !== 'SHLVL' && name !== '_');
    expect(names.sort()).toEqual(['CONFIG_FLAG', 'FAKE_API_KEY', 'FAKE_BASE_URL', 'FAKE_TELEMETRY', 'HOME', 'NODE_FLAG', 'ORCHESTRA_NODE_ID', 'ORCHESTRA_RUN_ID', 'ORCHESTRA_STAGE_DIR', 'PATH']);
  });
});
