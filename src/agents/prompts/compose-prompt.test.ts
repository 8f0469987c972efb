import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.js';
import { formatLocation } from '../../core/index.js';
import { composePrompt } from './compose-prompt.js';

describe('composePrompt', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, 'prompts'), { recursive: true });
    writeFileSync(join(dir, 'prompts', name), text);
  };
  const config = (agents: string) => parseConfig(`agents:\n${agents}`, join(dir, 'orchestra.yaml'), {});

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orchestra-prompts-'));
    write('role.yaml', 'role:\n  name: pr-reviewer\n  system: |\n    You review PR {{ pr_number }}.\n');
    write('persona.yaml', 'persona:\n  prompt: Security specialist for {{ goal }}.\n');
    write('personality.yaml', 'text: "Be critical."\n');
    write('task.yaml', 'task:\n  text: |\n    Previous: {{ context.last_response }}\n    Tool: {{ context["tool.output"] }} / {{ context.tool.output }}\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const allLayers = '  critic:\n    role: prompts/role.yaml\n    persona: prompts/persona.yaml\n    personality: prompts/personality.yaml\n    task: prompts/task.yaml\n';

  it('composes role, persona, personality as system and task + node prompt as prompt, in order', async () => {
    const composed = await composePrompt({
      agent: 'critic',
      config: config(allLayers),
      nodePrompt: 'Review node {{ node.id }} for {{ pr_number }}.',
      variables: { pr_number: '123' },
      context: { last_response: 'LGTM', 'tool.output': 'diff' },
      goal: 'ship safely',
    });
    expect(composed).toEqual({
      system: 'You review PR 123.\n\nSecurity specialist for ship safely.\n\nBe critical.',
      prompt: 'Previous: LGTM\nTool: diff / diff\n\nReview node  for 123.',
      warnings: [],
    });
  });

  it('skips layers the agent does not name', async () => {
    const composed = await composePrompt({ agent: 'critic', config: config('  critic:\n    personality: prompts/personality.yaml\n'), nodePrompt: 'Go.' });
    expect(composed).toEqual({ system: 'Be critical.', prompt: 'Go.', warnings: [] });
  });

  it('renders only the node prompt without an agent', async () => {
    const composed = await composePrompt({ config: config('  {}\n'), nodePrompt: '{% if goal %}Goal: {{ goal }}{% endif %}', goal: 'g' });
    expect(composed).toEqual({ system: '', prompt: 'Goal: g', warnings: [] });
  });

  it('reports unknown variables as warnings and renders them empty', async () => {
    const composed = await composePrompt({
      agent: 'critic',
      config: config(allLayers),
      nodePrompt: '{{ pr_numbr }}{% for x in [1] %}{{ x }}{% endfor %}',
      variables: {},
      context: {},
    });
    const role = join(dir, 'prompts', 'role.yaml');
    const task = join(dir, 'prompts', 'task.yaml');
    expect(composed.system).toBe('You review PR .\n\nSecurity specialist for .\n\nBe critical.');
    expect(composed.warnings).toEqual([
      `${role}:4:5: unknown variable pr_number in the role layer`,
      `${task}:3:5: unknown variable context.last_response in the task layer`,
      `${task}:3:5: unknown variable context.tool.output in the task layer`,
      `${task}:3:5: unknown variable context.tool in the task layer`,
      '<prompt>:1:1: unknown variable pr_numbr in the node prompt',
    ]);
  });

  it.each([
    ['a syntax error on a later line', 'task:\n  system: |\n    line one\n    {{ context.x }\n', '4:18', 'expected variable end'],
    ['an unclosed block', 'task:\n  system: |\n    {% if goal %}\n    open\n', '5:5', 'parseIf: expected elif, else, or endif, got end of file'],
    ['an unknown filter on the first line', 'task:\n  prompt: "{{ goal | shout }}"\n', '2:12', 'filter not found: shout'],
  ])('names the layer file and line for %s', async (_name, text, position, reason) => {
    write('task.yaml', text);
    const file = join(dir, 'prompts', 'task.yaml');
    const failure = composePrompt({ agent: 'critic', config: config('  critic:\n    task: prompts/task.yaml\n'), nodePrompt: '' });
    await expect(failure).rejects.toMatchObject({ code: 'E_CONFIG', message: `template error in the task layer at ${file}:${position}: ${reason}` });
    const error = (await failure.catch((caught: unknown) => caught)) as { location: { file: string; line: number; column: number } };
    expect(formatLocation(error.location)).toBe(`${file}:${position}`);
  });

  it('fails on an unknown agent with a suggestion', async () => {
    await expect(composePrompt({ agent: 'critc', config: config(allLayers), nodePrompt: '' })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: 'unknown agent "critc". Did you mean "critic"? Known: critic.',
    });
  });

  it('fails when a layer file has no text', async () => {
    write('task.yaml', 'task:\n  name: empty\n');
    const file = join(dir, 'prompts', 'task.yaml');
    await expect(composePrompt({ agent: 'critic', config: config('  critic:\n    task: prompts/task.yaml\n'), nodePrompt: '' })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: `the task layer ${file} has no text: expected task: with system:, prompt: or text: holding a string`,
    });
  });
});
