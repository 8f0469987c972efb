import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationBackend } from '../../agents/simulation/index.js';
import { cleanupHarnesses, createHandlerHarness } from '../handlers/testing/index.js';
import { createCodergenHandler } from '../handlers/codergen/codergen-handler.js';
import { buildGraph, type PlainAttrs } from '../testing/build-graph.js';
import { buildNodeContext } from './node-context.js';
import { contextBudgetChars } from './context-item.js';

afterEach(cleanupHarnesses);

async function harnessFor(attrs: PlainAttrs) {
  const graph = buildGraph({ attrs: { goal: 'Ship v2' }, nodes: { plan: { prompt: 'Plan $goal.', ...attrs } } });
  return createHandlerHarness({ graph, nodeId: 'plan', backend: createSimulationBackend() });
}

async function promptOf(harness: Awaited<ReturnType<typeof harnessFor>>): Promise<string> {
  await createCodergenHandler().execute(harness.input);
  return readFile(join(harness.stageDir, 'prompt.md'), 'utf8');
}

describe('issue 9: context.files', () => {
  it('inlines the matched files with their paths, after the rendered prompt', async () => {
    const harness = await harnessFor({ 'context.files': 'notes/*.md, data.txt' });
    const dir = harness.input.run.baseDir;
    await mkdir(join(dir, 'notes'));
    await writeFile(join(dir, 'notes', 'b.md'), 'second\n');
    await writeFile(join(dir, 'notes', 'a.md'), 'first\n');
    await writeFile(join(dir, 'notes', 'skip.txt'), 'not matched\n');
    await writeFile(join(dir, 'data.txt'), 'x ``` y');
    expect(await promptOf(harness)).toBe(
      ['Plan Ship v2.', '## Context files', '### notes/a.md', '```\nfirst\n```', '### notes/b.md', '```\nsecond\n```', '### data.txt', '````\nx ``` y\n````'].join('\n\n'),
    );
    expect(harness.eventsOf('log')).toEqual([]);
  });

  it('a file\'s {{ }}, {% %} and $goal stay literal: file text is data, never template source', async () => {
    const harness = await harnessFor({ 'context.files': 'template.txt', prompt: 'Goal {{ goal }} and $goal.' });
    const literal = 'Hi {{ goal }} and ${goal} and $goal {% if true %}x{% endif %} {{ 7 * 6 }}';
    await writeFile(join(harness.input.run.baseDir, 'template.txt'), literal);
    const prompt = await promptOf(harness);
    expect(prompt.startsWith('Goal Ship v2 and Ship v2.\n\n')).toBe(true);
    expect(prompt).toContain(`\`\`\`\n${literal}\n\`\`\``);
  });

  it('a link leading outside the working directory is left out with a warning; one inside is followed', async () => {
    const harness = await harnessFor({ 'context.files': '*.txt' });
    const dir = harness.input.run.baseDir;
    await writeFile(join(harness.rootDir, 'secret.txt'), 'TOP SECRET');
    await symlink(join(harness.rootDir, 'secret.txt'), join(dir, 'leak.txt'));
    await writeFile(join(dir, 'real.md'), 'inside');
    await symlink('real.md', join(dir, 'alias.txt'));
    const prompt = await promptOf(harness);
    expect(prompt).not.toContain('TOP SECRET');
    expect(prompt).toContain('### alias.txt → real.md\n\n```\ninside\n```');
    expect(harness.eventsOf('log').map((event) => event.message)).toEqual(['context.files: leak.txt is a link to outside the working directory; left out']);
  });

  it('trims to the documented budget and says so in a warning event', async () => {
    const harness = await harnessFor({ 'context.files': 'big.txt, small.txt' });
    const dir = harness.input.run.baseDir;
    await writeFile(join(dir, 'big.txt'), 'a'.repeat(contextBudgetChars + 500));
    await writeFile(join(dir, 'small.txt'), 'never shown');
    const prompt = await promptOf(harness);
    expect(prompt).toContain('### small.txt (left out: the context budget of 100000 characters is used up)');
    expect(prompt).not.toContain('never shown');
    expect(prompt.match(/a+/g)!.reduce((longest, run) => Math.max(longest, run.length), 0)).toBe(contextBudgetChars);
    const warnings = harness.eventsOf('log');
    expect(warnings).toEqual([{ type: 'log', level: 'warn', node: 'plan', message: 'context of node plan trimmed to 100000 characters: small.txt left out' }]);
  });

  it('a glob matching nothing is a warning, not a failure', async () => {
    const harness = await harnessFor({ 'context.files': 'missing/*.md' });
    expect(await promptOf(harness)).toBe('Plan Ship v2.');
    expect(harness.eventsOf('log').map((event) => event.message)).toEqual([`context.files: "missing/*.md" matches no file in ${harness.input.run.baseDir}`]);
  });

  it('the budget cuts the file that crosses it and names the cut', async () => {
    const harness = await harnessFor({ 'context.files': 'one.txt, two.txt' });
    await writeFile(join(harness.input.run.baseDir, 'one.txt'), '12345');
    await writeFile(join(harness.input.run.baseDir, 'two.txt'), 'abcdefgh');
    const block = await buildNodeContext(harness.input, { budget: 8 });
    expect(block.text).toBe('## Context files\n\n### one.txt\n\n```\n12345\n```\n\n### two.txt (cut to the context budget: 3 of 8 characters)\n\n```\nabc\n```');
    expect(block.warnings).toEqual(['context of node plan trimmed to 8 characters: two.txt (cut to 3 of 8 characters)']);
  });
});
