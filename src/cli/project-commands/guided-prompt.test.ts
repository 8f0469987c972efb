import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { askGuidedWorkflows, canAskAboutGuided } from './guided-prompt.js';

const available = ['REFACTOR_WITH_TESTS', 'RESUME', 'SAVE', 'SPRINT_TASK', 'WORK'];

function terminal(answers: string[], env: Record<string, string> = {}): { io: CliIo; output: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  stdin.end(answers.map((answer) => `${answer}\n`).join(''));
  return { io: { stdin, stdout, stderr: new PassThrough(), env, cwd: '/' }, output: () => text };
}

describe('issue 13: init asks a person which guided workflows to add', () => {
  it.each([
    ['', []],
    ['none', []],
    ['all', available],
    ['1, 5', ['REFACTOR_WITH_TESTS', 'WORK']],
    ['save,3', ['SAVE']],
  ])('answer %j adds %j', async (answer, expected) => {
    expect(await askGuidedWorkflows(terminal([answer]).io, available)).toEqual(expected);
  });

  it('a bad answer is explained and asked again', async () => {
    const { io, output } = terminal(['9', 'WORK']);
    expect(await askGuidedWorkflows(io, available)).toEqual(['WORK']);
    expect(output()).toContain('--guided names "9", which is not a shipped guided workflow');
    expect(output()).toContain('5. WORK — clarify, plan, implement, verify, summarise');
  });

  it.each([
    [{}, true],
    [{ CI: 'true' }, false],
    [{ CLAUDECODE: '1' }, false],
  ])('with env %j, a terminal is asked: %s', (env, expected) => {
    expect(canAskAboutGuided(terminal([], env).io)).toBe(expected);
  });

  it('no question without a terminal', () => {
    const { io } = terminal([]);
    expect(canAskAboutGuided({ ...io, stdin: new PassThrough() })).toBe(false);
  });
});
