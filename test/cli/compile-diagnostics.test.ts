import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

// What a new user trips over in `orchestra compile`, through the built CLI: several mistakes in one
// file are all reported, each at its position with a suggestion, and --json is only JSON.
const dir = mkdtempSync(join(tmpdir(), 'orchestra-compile-diag-'));
const home = join(dir, 'home');
const compile = (...argv: string[]) => runBin(['compile', ...argv], { cwd: dir, home });

const manyMistakes = `digraph Many {
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    plan  [shape=boxx, prompt="Plan"]
    work  [prompt="Work", timeout=5min]
    start -> plan -> work
    work -> exitt
    work -> plan [condition="outcom=fail"]
    work -> exit [condition="outcome=success"]
}
`;

const expected = [
  ['many.dot:4:12: warning[shape_known]:', 'Did you mean "box"?', 'fix: shape=box'],
  ['many.dot:5:27: error[attribute_type]:', 'found 5min', 'fix: Write a number followed by ms, s, m, h or d'],
  ['many.dot:7:5: error[edge_target_exists]:', 'Did you mean "exit"?', 'fix: write exit instead'],
  ['many.dot:8:30: warning[condition_key]:', 'Did you mean "outcome"?', 'fix: outcome=fail'],
];

beforeAll(() => {
  assertBuilt();
  writeFileSync(join(dir, 'many.dot'), manyMistakes);
  writeFileSync(join(dir, 'bracket.dot'), 'digraph B {\n  start [shape=Mdiamond\n  exit [shape=Msquare]\n  start -> exit\n}\n');
  writeFileSync(join(dir, 'one.dot'), 'digraph One {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n  start -> exit\n}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orchestra compile on a file with several mistakes', () => {
  it('issue 9: reports every mistake at its position with its suggestion, and a summary with plurals right', async () => {
    const result = await compile('many.dot');
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    for (const [head, suggestion, fix] of expected) {
      const at = lines.findIndex((line) => line.startsWith(head as string));
      expect(at, `${head} in:\n${result.stderr}`).toBeGreaterThanOrEqual(0);
      expect(lines[at]).toContain(suggestion);
      expect(lines[at + 1]).toContain(fix);
    }
    expect(result.stdout).toBe('many.dot: invalid, 5 nodes, 5 edges; 2 errors, 2 warnings\n');
  });

  it('issue 9: --json prints only JSON on stdout, holding every diagnostic, and nothing on stderr', async () => {
    const result = await compile('many.dot', '--json', '--svg', 'out.svg');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as { ok: boolean; diagnostics: Array<{ rule: string; message: string; fix?: string; loc?: { line: number; column: number } }> };
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column} ${d.rule}`)).toEqual([
      '4:12 shape_known',
      '5:27 attribute_type',
      '7:5 edge_target_exists',
      '8:30 condition_key',
    ]);
    expect(parsed.diagnostics.map((d) => d.fix)).toEqual(['shape=box', expect.stringContaining('timeout=900s'), 'write exit instead, or declare exitt [label="..."]', 'outcome=fail']);
  });

  it('issue 9: --json on a syntax error prints the error as JSON only, not again as text on stderr', async () => {
    const result = await compile('bracket.dot', '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'E_DOT_SYNTAX', location: { line: 2, column: 24 } } });
  });

  it('issue 9: a missing "]" is shown at the end of the line that lacks it', async () => {
    const result = await compile('bracket.dot');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error[E_DOT_SYNTAX]: Expected "]" to close the attribute list opened at 2:9, found "exit"\n  --> bracket.dot:2:24\n');
  });

  it('issue 9: a summary of one edge says "1 edge"', async () => {
    const result = await compile('one.dot');
    expect(result).toMatchObject({ code: 0, stdout: 'one.dot: ok, 2 nodes, 1 edge; 0 errors\n' });
  });
});
