import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from '../cli/helpers/spawn-cli.js';

// `orchestra compile workflows/NAME` through the built CLI: a guided workflow is checked like a
// pipeline, its diagnostics printed in the same format, with the same exit codes.
const fixtures = resolve(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');
const home = mkdtempSync(join(tmpdir(), 'orchestra-compile-guided-'));
const compile = (...argv: string[]) => runBin(['compile', ...argv], { cwd: fixtures, home });

beforeAll(() => assertBuilt());
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('orchestra compile on a guided workflow', () => {
  it('issue 13: a good workflow folder is ok, exit 0', async () => {
    const result = await compile('workflows/FIX_BUG');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('workflows/FIX_BUG: ok, 4 steps, 7 rules; 0 errors\n');
    expect(result.code).toBe(0);
  });

  it('issue 13: its index.md names the same workflow', async () => {
    const result = await compile('workflows/FIX_BUG/index.md');
    expect(result.stdout).toBe('workflows/FIX_BUG: ok, 4 steps, 7 rules; 0 errors\n');
    expect(result.code).toBe(0);
  });

  it('issue 13: a broken workflow prints every mistake at file:line:col with its fix, exit 1', async () => {
    const result = await compile('workflows/BROKEN');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('workflows/BROKEN: invalid; 7 errors, 1 warning\n');
    const lines = result.stderr.split('\n');
    const expected: Array<[string, string, string]> = [
      ['workflows/BROKEN/index.md:2:13: error[guided_first_step_exists]:', 'Did you mean "analyze"?', 'fix: Name one of the listed steps'],
      ['workflows/BROKEN/index.md:4:11: error[guided_context_type]:', 'Did you mean "string"?', 'fix: Use one of: string, number'],
      ['workflows/BROKEN/index.md:12:4: error[guided_step_unique]:', 'step plan is listed twice', 'fix: List each step once'],
      ['workflows/BROKEN/index.md:15:4: error[guided_step_file_exists]:', 'step orphan has no file', 'fix: Create workflows/BROKEN/steps/orphan.md'],
      ['workflows/BROKEN/steps/analyze.md:3:1: error[guided_rule_target_exists]:', 'Did you mean "plan"?', 'fix: Name one of the steps index.md lists'],
      ['workflows/BROKEN/steps/extra.md:1:1: warning[guided_step_listed]:', 'not listed in index.md', 'fix: Add "extra"'],
      ['workflows/BROKEN/steps/implement.md:3:9: error[guided_waits_for]:', 'needs a description', 'fix: Write "waits_for:"'],
      ['workflows/BROKEN/steps/review.md:1:1: error[guided_step_sections]:', 'no "# Orchestrator Guidance" section', 'fix: Add a line "# Orchestrator Guidance"'],
    ];
    expect(lines.filter((line) => line.includes(']: ')).length).toBe(expected.length);
    for (const [head, message, fix] of expected) {
      const at = lines.findIndex((line) => line.startsWith(head));
      expect(at, `${head} in:\n${result.stderr}`).toBeGreaterThanOrEqual(0);
      expect(lines[at]).toContain(message);
      expect(lines[at + 1]).toContain(fix);
    }
  });

  it('issue 13: --json prints only JSON with every diagnostic', async () => {
    const result = await compile('workflows/BROKEN', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as { file: string; ok: boolean; diagnostics: Array<{ rule: string; severity: string; loc: { file: string; line: number; column: number } }> };
    expect(parsed).toMatchObject({ file: 'workflows/BROKEN', ok: false });
    expect(parsed.diagnostics).toHaveLength(8);
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'guided_first_step_exists', severity: 'error', loc: { file: 'workflows/BROKEN/index.md', line: 2, column: 13 } });
    const good = JSON.parse((await compile('workflows/FIX_BUG', '--json')).stdout) as unknown;
    expect(good).toEqual({ file: 'workflows/FIX_BUG', ok: true, steps: 4, rules: 7, diagnostics: [] });
  });

  it('issue 13: a workflow folder without index.md is one error, another folder is no pipeline; --svg is refused as a usage error', async () => {
    const empty = await compile('workflows/NO_INDEX');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('workflows/NO_INDEX/index.md:1:1: error[guided_index_exists]: workflows/NO_INDEX/index.md does not exist.');
    const folder = await compile('workflows');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('or a guided workflow folder (one with an index.md)');
    const svg = await compile('workflows/FIX_BUG', '--svg', 'out.svg');
    expect(svg.code).toBe(2);
    expect(svg.stderr).toContain('--svg draws pipelines only');
  });
});
