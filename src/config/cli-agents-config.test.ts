import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLocation } from '../core/index.js';
import { loadConfig } from './load-config.js';

// `cli_agents` in a real orchestra.yaml: the full profile format, and errors at the line that is wrong.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-cli-agents-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(lines: string[]) {
  writeFileSync(join(dir, 'orchestra.yaml'), `${lines.join('\n')}\n`);
  return loadConfig({ startDir: dir, env: { ORCHESTRA_HOME: join(dir, 'home') } });
}

async function errorOf(lines: string[]) {
  const error = await load(lines).then(() => undefined, (caught: unknown) => caught as { code: string; message: string; location?: Parameters<typeof formatLocation>[0] });
  if (error === undefined) throw new Error('expected an E_CONFIG error');
  return { code: error.code, message: error.message, at: error.location === undefined ? undefined : formatLocation(error.location) };
}

const fullStanza = [
  'cli_agents:',
  '  my-agent:',
  '    command: my-agent',
  '    args: [run, [--model, "{model}"], [--resume, "{resume_id}"], --, "{prompt}"]',
  '    output:',
  '      format: jsonl',
  '      text: { path: result, when: { type: result } }',
  '      tool_uses: { path: "message.content[].name", reduce: count }',
  '    env: { MY_AGENT_TELEMETRY: "0" }',
  '    models: { smart: big-model }',
  '    npm_package: my-agent-cli',
  '    interactive:',
  '      args: ["--session-id", "{session_id}", ["--model", "{model}"], ["--", "{prompt}"]]',
  '      resume_args: ["--resume", "{session_id}"]',
  '      session_id: assign',
  '      status: claude-hooks',
  '      env: { MY_AGENT_TUI: "1" }',
];

describe('cli_agents in orchestra.yaml', () => {
  it('keeps the full stanza, defaults filled in', async () => {
    const { config } = await load(fullStanza);
    expect(config.cliAgents).toEqual({
      'my-agent': {
        command: 'my-agent',
        args: ['run', ['--model', '{model}'], ['--resume', '{resume_id}'], '--', '{prompt}'],
        prompt_via: 'argument',
        output: { format: 'jsonl', text: { path: 'result', when: { type: 'result' } }, tool_uses: { path: 'message.content[].name', reduce: 'count' } },
        env: { MY_AGENT_TELEMETRY: '0' },
        pass_env: [],
        models: { smart: 'big-model' },
        npm_package: 'my-agent-cli',
        version_args: ['--version'],
        interactive: {
          args: ['--session-id', '{session_id}', ['--model', '{model}'], ['--', '{prompt}']],
          resume_args: ['--resume', '{session_id}'],
          session_id: 'assign',
          status: 'claude-hooks',
          prompt_via: 'argument',
          env: { MY_AGENT_TUI: '1' },
          mcp: true,
          approvals: false,
        },
      },
    });
  });

  it('lets an agent name the profile', async () => {
    const { config } = await load([...fullStanza, 'agents:', '  coder: { cli: my-agent }']);
    expect(config.agents.coder?.cli).toBe('my-agent');
  });

  it.each<[string, string[], string, string]>([
    [
      'an unknown placeholder in interactive args',
      ['cli_agents:', '  a:', '    command: a', '    interactive:', '      args: ["--id", "{sesion_id}"]'],
      '5:22',
      'cli_agents.a.interactive.args[1]: unknown placeholder {sesion_id}; use {prompt}, {model} or {session_id}.',
    ],
    [
      'a bad status',
      ['cli_agents:', '  a:', '    command: a', '    interactive:', '      status: hooks'],
      '5:15',
      'cli_agents.a.interactive.status: "hooks" is not allowed. Allowed: claude-hooks, opencode-plugin, codex-hooks, gemini-hooks, quiescence.',
    ],
    [
      'a misspelled interactive key',
      ['cli_agents:', '  a:', '    command: a', '    interactive:', '      resume: ["--resume", "{session_id}"]'],
      '5:7',
      'cli_agents.a.interactive.resume: unknown key. Allowed here: args, resume_args, session_id, status, prompt_via, env, session_id_pattern, mcp, approvals.',
    ],
    [
      'session_id assign without {session_id}',
      ['cli_agents:', '  a:', '    command: a', '    interactive:', '      args: ["{prompt}"]', '      session_id: assign'],
      '6:19',
      'cli_agents.a.interactive.session_id: is "assign" but interactive.args does not pass {session_id}; add the CLI\'s flag for a given session id, as in ["--session-id", "{session_id}"].',
    ],
    [
      'an unknown placeholder in headless args',
      ['cli_agents:', '  a:', '    command: a', '    args:', '      - run', '      - ["--model", "{modle}"]'],
      '6:21',
      'cli_agents.a.args[1][1]: unknown placeholder {modle}; use {prompt}, {model}, {session_id} or {resume_id}.',
    ],
    [
      'a bad reduce',
      ['cli_agents:', '  a:', '    command: a', '    output:', '      format: jsonl', '      text: { path: x, reduce: avg }'],
      '6:32',
      'cli_agents.a.output.text.reduce: "avg" is not allowed. Allowed: last, first, sum, count, join.',
    ],
  ])('reports %s at its line and column', async (_name, lines, at, message) => {
    expect(await errorOf(lines)).toEqual({ code: 'E_CONFIG', message, at: `${join(dir, 'orchestra.yaml')}:${at}` });
  });
});
