import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDot } from '../../pipeline/index.js';
import { agentLibrary } from './agent-library.js';
import { childFiles, inputsOf } from './composed-pipelines.js';
import { firstLines } from './prompt-layers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'agents-lib-')));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('issue 15: the agent library of a project', () => {
  it.each([
    ['a\nb\n\n', 6, ['a', 'b']],
    ['one\r\ntwo\r\nthree', 2, ['one', 'two']],
    ['', 3, []],
  ])('first lines of %j (%i)', (text, count, lines) => expect(firstLines(text, count)).toEqual(lines));

  it.each([
    ['digraph G { a [prompt="Review $pr for $goal with ${context.x} and $topic, again $pr"] }', ['pr', 'topic']],
    ['digraph G { a [prompt="no variables"] b [shape=box] }', []],
  ])('inputs of %s', (dot, inputs) => expect(inputsOf(parseDot(dot, 'g.dot'))).toEqual(inputs));

  it.each([
    ['digraph G { r [type="pipeline", pipeline="review.dot"] }', 'flows/main.dot', ['flows/review.dot']],
    ['digraph G { graph [stack.child_dotfile="../child.dot"] m [shape=house] }', 'flows/main.dot', ['child.dot']],
    ['digraph G { r [type="pipeline", pipeline="../../out.dot"] x [pipeline="not-a-pipeline-node.dot"] }', 'a/main.dot', []],
  ])('children of %s at %s', (dot, file, children) => expect(childFiles(parseDot(dot, file), file)).toEqual(children));

  it('lists profiles (env names, never values), agents with layers, and composed pipelines', async () => {
    const dir = project({
      'orchestra.yaml': [
        'cli_agents:',
        '  my-agent:',
        '    command: my-agent',
        '    args: ["run", "--", "{prompt}"]',
        '    env: { MY_AGENT_TOKEN: "secret-value-123" }',
        '    models: { worker: mid-model, smart: big-model }',
        '  claude-code:',
        '    pass_env: [AWS_*]',
        'agents:',
        '  reviewer:',
        '    role: prompts/role.yaml',
        '    cli: my-agent',
        '',
      ].join('\n'),
      'prompts/role.yaml': 'role:\n  system: |\n    You review code.\n',
      'main.dot': 'digraph Main { graph [goal="Ship it"] start [shape=Mdiamond] r [type="pipeline", pipeline="review.dot"] done [shape=Msquare] start -> r -> done }',
      'review.dot': 'digraph Review { a [prompt="Review $pr"] }',
      'broken.dot': 'digraph {',
    });
    const library = await agentLibrary(dir, { HOME: dir });
    expect(JSON.stringify(library)).not.toContain('secret-value-123');
    expect(library.configFile).toBe('orchestra.yaml');
    expect(library.profiles.find((p) => p.name === 'my-agent')).toMatchObject({ source: 'config', command: 'my-agent', model: 'mid-model', envNames: ['MY_AGENT_TOKEN'] });
    expect(library.profiles.find((p) => p.name === 'claude-code')).toMatchObject({ source: 'extended', model: 'sonnet' });
    expect(library.profiles.find((p) => p.name === 'claude-code')?.passEnv).toContain('AWS_*');
    expect(library.profiles.find((p) => p.name === 'codex')).toMatchObject({ source: 'built-in' });
    expect(library.agents).toEqual([{ name: 'reviewer', backend: null, cli: 'my-agent', model: null, provider: null, layers: ['role'] }]);
    expect(library.layers).toEqual([{ agent: 'reviewer', kind: 'role', file: 'prompts/role.yaml', preview: ['role:', '  system: |', '    You review code.'] }]);
    expect(library.pipelines.find((p) => p.file === 'review.dot')).toMatchObject({ name: 'Review', inputs: ['pr'], usedBy: ['main.dot'] });
    expect(library.pipelines.find((p) => p.file === 'main.dot')).toMatchObject({ goal: 'Ship it', nodes: 3, usedBy: [] });
    expect(library.pipelines.find((p) => p.file === 'broken.dot')?.error).toMatch(/./);
  });

  it('shows a layer outside the project by path, unread', async () => {
    const outside = project({ 'secret.yaml': 'role: top secret\n' });
    const dir = project({ 'orchestra.yaml': 'agents:\n  a:\n    role: prompts/role.yaml\n' });
    mkdirSync(join(dir, 'prompts'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'prompts/role.yaml'));
    const library = await agentLibrary(dir, { HOME: dir });
    expect(library.layers).toEqual([{ agent: 'a', kind: 'role', file: 'prompts/role.yaml', preview: [] }]);
  });
});
