import { describe, expect, it } from 'vitest';
import { agentEnv, baseAgentEnv, passEnvList } from './agent-env.js';

const caller = {
  PATH: '/usr/bin',
  HOME: '/home/u',
  LANG: 'C.UTF-8',
  LC_CTYPE: 'C.UTF-8',
  WORK_OPENAI_KEY: 'sk-work',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  DATABASE_URL: 'postgres://u:pw@db/x',
  ANTHROPIC_API_KEY: 'sk-ant',
  ANTHROPIC_BASE_URL: 'http://127.0.0.1:1',
  PROJECT_FLAG: '1',
};

describe('issue 8.2: agentEnv passes only what is allowed, never a withheld key', () => {
  it.each<[string, readonly string[], readonly string[], string[]]>([
    ['the base list alone', baseAgentEnv, [], ['PATH', 'HOME', 'LANG', 'LC_CTYPE']],
    ['a name passed explicitly', [...baseAgentEnv, 'PROJECT_FLAG'], [], ['PATH', 'HOME', 'LANG', 'LC_CTYPE', 'PROJECT_FLAG']],
    ['a prefix', ['ANTHROPIC_*'], [], ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL']],
    ['a prefix minus a withheld key', ['ANTHROPIC_*'], ['ANTHROPIC_API_KEY'], ['ANTHROPIC_BASE_URL']],
    ['a withheld key named explicitly', ['WORK_OPENAI_KEY', 'PATH'], ['WORK_OPENAI_KEY'], ['PATH']],
    ['nothing passed', [], [], []],
  ])('%s', (_name, pass, withhold, expected) => {
    expect(Object.keys(agentEnv(caller, pass, withhold)).sort()).toEqual([...expected].sort());
  });

  it('secrets the caller holds are not in the base environment', () => {
    const env = agentEnv(caller, baseAgentEnv);
    for (const name of ['WORK_OPENAI_KEY', 'AWS_SECRET_ACCESS_KEY', 'DATABASE_URL', 'ANTHROPIC_API_KEY']) expect(env).not.toHaveProperty(name);
  });

  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['A, B_*', ['A', 'B_*']],
    [' A  B ', ['A', 'B']],
  ])('pass_env %j reads as %j', (value, expected) => {
    expect(passEnvList(value)).toEqual(expected);
  });
});
