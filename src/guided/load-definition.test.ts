import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGuidedDefinition } from './load-definition.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/guided/fixtures/workflows');
const temp = mkdtempSync(join(tmpdir(), 'orchestra-guided-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const sections = (guidance = '') => `# Orchestrator Guidance\n${guidance}\n# Client Instructions\nDo it.\n`;

/** A workflow folder in the temp dir from { 'index.md': text, 'steps/a.md': text, ... }. */
function writeWorkflow(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const where = (d: { rule: string; loc?: { file: string; line: number; column: number } }) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column} ${d.rule}`;

describe('loadGuidedDefinition', () => {
  it('issue 13: a good workflow loads with its steps, rules, waits and context', async () => {
    const { definition, diagnostics } = await loadGuidedDefinition(join(fixtures, 'FIX_BUG'), { shownAs: 'workflows/FIX_BUG' });
    expect(diagnostics).toEqual([]);
    expect(definition).toMatchObject({ name: 'FIX_BUG', title: 'Fix a bug', firstStep: 'reproduce', goal: 'Reproduce the bug with a failing test, fix it, and keep the suite green.' });
    expect(definition?.dir).toBe(join(fixtures, 'FIX_BUG'));
    expect(definition?.context).toMatchObject({ bug: { type: 'string' }, attempts: { type: 'number', required: false, description: 'How many fixes were tried' } });
    expect(definition?.steps.map((s) => [s.name, s.description, s.rules.length])).toEqual([
      ['reproduce', 'write a test that fails because of the bug', 2],
      ['fix', 'change the code until the test passes', 2],
      ['run_tests', 'run the whole suite', 2],
      ['escalate', 'ask a person when the fix does not converge', 1],
    ]);
    const [reproduce, , runTests, escalate] = definition!.steps;
    expect(reproduce!.file).toBe(join(fixtures, 'FIX_BUG', 'steps', 'reproduce.md'));
    expect(reproduce!.instructions).toBe('Write a test that reproduces: {{context.bug}}.');
    expect(reproduce!.rules[0]).toMatchObject({ kind: 'on-status', status: 'failure', next: 'escalate', loc: { file: 'workflows/FIX_BUG/steps/reproduce.md', line: 5, column: 3 } });
    expect(runTests!.guidance).toContain('## Routing');
    expect(runTests!.rules.map((r) => r.next)).toEqual(['fix', 'END']);
    expect(escalate!.waitsFor).toEqual({ kind: 'human-task', title: 'Help with the bug', assignee: 'alice' });
  });

  it('issue 13: a broken workflow reports every mistake at its file:line:col, index.md first, and no definition', async () => {
    const { definition, diagnostics } = await loadGuidedDefinition(join(fixtures, 'BROKEN'), { shownAs: 'workflows/BROKEN' });
    expect(definition).toBeUndefined();
    expect(diagnostics.map(where)).toEqual([
      'workflows/BROKEN/index.md:2:13 guided_first_step_exists',
      'workflows/BROKEN/index.md:4:11 guided_context_type',
      'workflows/BROKEN/index.md:12:4 guided_step_unique',
      'workflows/BROKEN/index.md:15:4 guided_step_file_exists',
      'workflows/BROKEN/steps/analyze.md:3:1 guided_rule_target_exists',
      'workflows/BROKEN/steps/extra.md:1:1 guided_step_listed',
      'workflows/BROKEN/steps/implement.md:3:9 guided_waits_for',
      'workflows/BROKEN/steps/review.md:1:1 guided_step_sections',
    ]);
    const target = diagnostics.find((d) => d.rule === 'guided_rule_target_exists');
    expect(target?.message).toContain('Did you mean "plan"?');
    expect(diagnostics.find((d) => d.rule === 'guided_step_listed')?.severity).toBe('warning');
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a step after an unconditional next', {
      'index.md': '# T\n## Steps\n1. a\n2. b\n3. c\n',
      'steps/a.md': sections('next: c'), 'steps/b.md': sections(), 'steps/c.md': sections(),
    }, ['index.md:4:4 guided_step_reachable']],
    ['a step only a rule reaches', {
      'index.md': '# T\n## Steps\n1. a\n2. b\n3. c\n',
      'steps/a.md': sections('on failure: b\nnext: c'), 'steps/b.md': sections(), 'steps/c.md': sections(),
    }, []],
    ['steps before first_step', {
      'index.md': '---\nfirst_step: b\n---\n# T\n## Steps\n1. a\n2. b\n',
      'steps/a.md': sections(), 'steps/b.md': sections(),
    }, ['index.md:6:4 guided_step_reachable']],
    ['a loop back to an earlier step', {
      'index.md': '---\nfirst_step: b\n---\n# T\n## Steps\n1. a\n2. b\n',
      'steps/a.md': sections(), 'steps/b.md': sections('when context.again = true: a'),
    }, []],
    ['a step listed without a steps folder', { 'index.md': '# T\n## Steps\n1. a\n' }, ['index.md:3:4 guided_step_file_exists']],
  ])('issue 13: %s', async (name, files, expected) => {
    const dir = writeWorkflow(name.replace(/\W+/g, '_'), files);
    const { definition, diagnostics } = await loadGuidedDefinition(dir, { shownAs: 'W' });
    expect(diagnostics.map(where)).toEqual(expected.map((e) => `W/${e}`));
    expect(definition === undefined).toBe(expected.length > 0);
  });

  it('issue 13: a step file that is a link out of the workflow folder is refused; a link inside it is read', async () => {
    const outside = join(temp, 'secret.md');
    writeFileSync(outside, sections());
    const dir = writeWorkflow('linked', { 'index.md': '# T\n## Steps\n1. a\n2. b\n', 'shared/b.md': sections('next: END') });
    mkdirSync(join(dir, 'steps'), { recursive: true });
    symlinkSync(outside, join(dir, 'steps', 'a.md'));
    symlinkSync(join(dir, 'shared', 'b.md'), join(dir, 'steps', 'b.md'));
    const { diagnostics } = await loadGuidedDefinition(dir, { shownAs: 'W' });
    expect(diagnostics.map(where)).toEqual(['W/index.md:3:4 guided_step_file_exists']);
    expect(diagnostics[0]?.message).toContain('outside the workflow folder');
  });

  it('issue 13: a folder that is not there, or without index.md, is one error', async () => {
    const missing = await loadGuidedDefinition(join(temp, 'nope'), { shownAs: 'workflows/nope' });
    expect(missing.diagnostics.map(where)).toEqual(['workflows/nope:1:1 guided_index_exists']);
    const empty = await loadGuidedDefinition(writeWorkflow('noindex', { 'steps/a.md': sections() }), { shownAs: 'W' });
    expect(empty.diagnostics.map(where)).toEqual(['W/index.md:1:1 guided_index_exists']);
  });
});
