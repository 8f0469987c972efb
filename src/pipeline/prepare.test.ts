import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textValue } from './graph/model.js';
import { loadPipeline, preparePipeline } from './prepare.js';
import type { Transform } from './transforms/index.js';
import type { LintRule } from './validate/index.js';

const source = `digraph Review {
  graph [goal="Review PR $pr_number", model_stylesheet="* { llm_model: claude-sonnet-4-5 }"]
  start [shape=Mdiamond]
  exit [shape=Msquare]
  review [prompt="Review PR $pr_number for: $goal"]
  start -> review -> exit
}
`;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('preparePipeline', () => {
  it('parses, applies the stylesheet and variables, then validates', () => {
    const { graph, diagnostics } = preparePipeline(source, { file: 'review.dot', variables: { pr_number: '123' } });
    const review = graph.nodes.get('review');
    expect(textValue(graph.attrs['goal']?.value ?? { kind: 'string', value: '' })).toBe('Review PR 123');
    // The prompt is rendered when the node runs, from the text as written (issue 8.1).
    expect(textValue(review?.attrs['prompt']?.value ?? { kind: 'string', value: '' })).toBe('Review PR $pr_number for: $goal');
    expect(textValue(review?.attrs['llm_model']?.value ?? { kind: 'string', value: '' })).toBe('claude-sonnet-4-5');
    expect(diagnostics).toEqual([]);
  });

  it('mentions variables no one supplied', () => {
    const { diagnostics } = preparePipeline(source, { file: 'review.dot' });
    expect(diagnostics.map((d) => [d.rule, d.severity])).toEqual([['unknown_variable', 'info']]);
  });

  it('throws E_DOT_SYNTAX for text that does not parse', () => {
    expect(thrown(() => preparePipeline('digraph {', { file: 'bad.dot' }))).toMatchObject({ code: 'E_DOT_SYNTAX' });
  });

  it('reports a bad stylesheet as a diagnostic instead of throwing', () => {
    const bad = source.replace('* { llm_model: claude-sonnet-4-5 }', '* { llm_model claude }');
    const { diagnostics } = preparePipeline(bad, { file: 'review.dot', variables: { pr_number: '1' } });
    expect(diagnostics.map((d) => d.rule)).toEqual(['stylesheet_syntax']);
    expect(diagnostics[0]?.loc).toEqual({ file: 'review.dot', line: 2, column: 71 });
  });

  it('runs custom transforms after the built-in ones, then extra rules', () => {
    const order: string[] = [];
    const audit: Transform = {
      name: 'audit',
      apply(graph) {
        const review = graph.nodes.get('review');
        order.push(`transform saw model ${review?.attrs['llm_model'] ? 'set' : 'unset'}`);
        return graph;
      },
    };
    const rule: LintRule = {
      name: 'always',
      apply() {
        order.push('rule');
        return [{ rule: 'always', severity: 'info', message: 'hello' }];
      },
    };
    const { diagnostics } = preparePipeline(source, { file: 'review.dot', variables: { pr_number: '1' }, transforms: [audit], extraRules: [rule] });
    expect(order).toEqual(['transform saw model set', 'rule']);
    expect(diagnostics.map((d) => d.rule)).toEqual(['always']);
  });

  it('passes run-time handler types to type_known (decision 16)', () => {
    const custom = source.replace('review [prompt=', 'review [type="deploy", prompt=');
    const without = preparePipeline(custom, { file: 'r.dot', variables: { pr_number: '1' } }).diagnostics.map((d) => d.rule);
    const withType = preparePipeline(custom, { file: 'r.dot', variables: { pr_number: '1' }, knownHandlerTypes: ['deploy'] }).diagnostics;
    expect(without).toEqual(['type_known']);
    expect(withType).toEqual([]);
  });
});

describe('loadPipeline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-prepare-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and prepares a file, keeping its source', async () => {
    const file = join(dir, 'review.dot');
    await writeFile(file, source);
    const loaded = await loadPipeline(file, { variables: { pr_number: '7' } });
    expect(loaded.source).toBe(source);
    expect(loaded.graph.file).toBe(file);
    expect(loaded.diagnostics).toEqual([]);
  });

  it('names a missing file with E_FILE_NOT_FOUND', async () => {
    const file = join(dir, 'missing.dot');
    await expect(loadPipeline(file)).rejects.toMatchObject({
      code: 'E_FILE_NOT_FOUND',
      message: `Pipeline file ${file} does not exist.`,
      hint: 'Check the path; it is relative to the current directory.',
    });
  });

  it('refuses a directory with E_FILE_READ', async () => {
    await expect(loadPipeline(dir)).rejects.toMatchObject({
      code: 'E_FILE_READ',
      message: `Cannot read pipeline ${dir}: it is a directory, not a regular file.`,
      hint: 'Name the .dot file inside it, such as pipeline.dot, or a guided workflow folder (one with an index.md).',
    });
  });

  it('reports a file that cannot be read with E_FILE_READ', async () => {
    // A symlink loop fails for every user, root included (permissions would not stop root).
    const file = join(dir, 'loop.dot');
    await symlink(file, file);
    await expect(loadPipeline(file)).rejects.toMatchObject({
      code: 'E_FILE_READ',
      message: expect.stringMatching(new RegExp(`^Cannot read pipeline ${file}: ELOOP`)),
      hint: 'Check that the path names a readable file.',
    });
  });
});
