import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../testing/run-cli.js';

let ws: Workspace;
beforeEach(() => {
  ws = createWorkspace();
});
afterEach(() => ws.remove());

const compile = (...argv: string[]) => runCli(['compile', ...argv], { cwd: ws.dir, home: ws.home });

const good = `digraph Good {
    graph [goal="Say hello"]
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    hello [prompt="Say hello for: $goal"]
    start -> hello -> exit
}
`;

const bad = `digraph Bad {
    start [shape=Mdiamond]
    exit  [shape=Msquare]
    plan  [prompt="Plan", max_retry=2]
    start -> plan -> ship_it
    plan -> exit [condition="outcome=="]
}
`;

const broken = `digraph Broken {
    start [shape=Mdiamond]
    start -- exit
}
`;

describe('orchestra compile', () => {
  it('accepts a good file: summary on stdout, nothing on stderr, exit 0', async () => {
    ws.write('good.dot', good);
    expect(await compile('good.dot')).toEqual({ code: 0, stdout: 'good.dot: ok, 3 nodes, 2 edges; 0 errors\n', stderr: '' });
  });

  it('reports every diagnostic of a bad file with its position, and exits 1', async () => {
    ws.write('bad.dot', bad);
    const result = await compile('bad.dot');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('bad.dot: invalid, 4 nodes, 3 edges; 2 errors, 1 warning\n');
    expect(result.stderr).toBe(
      [
        'bad.dot:4:27: warning[unknown_attribute]: Unknown attribute "max_retry" on node plan; it is ignored. Did you mean "max_retries"?',
        '  fix: max_retries=...',
        'bad.dot:5:14: error[edge_target_exists]: Edge plan -> ship_it at bad.dot:5:14 names node ship_it, which is never declared.',
        '  fix: declare it: ship_it [label="..."]',
        'bad.dot:6:37: error[condition_syntax]: Condition "outcome==", column 8: operator "==" is not supported.',
        '  fix: Write a single = for equality: outcome=success.',
        '',
      ].join('\n'),
    );
  });

  it('shows positions relative to the current directory when given an absolute path', async () => {
    ws.write('bad.dot', bad);
    const result = await runCli(['compile', join(ws.dir, 'bad.dot')], { cwd: ws.dir, home: ws.home });
    expect(result.stderr).toContain('bad.dot:5:14: error[edge_target_exists]');
  });

  it('prints a syntax error once, with position, excerpt and hint, exit 2', async () => {
    ws.write('broken.dot', broken);
    expect(await compile('broken.dot')).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'error[E_DOT_SYNTAX]: Expected "->", found "--"',
        '  --> broken.dot:3:11',
        '  3 |     start -- exit',
        '    |           ^^',
        '  hint: Pipelines are directed graphs: write "digraph" and connect nodes with "->", as in a -> b.',
        '',
      ].join('\n'),
    });
  });

  it('fails with E_FILE_NOT_FOUND (exit 3) for a missing file', async () => {
    expect(await compile('missing.dot')).toEqual({
      code: 3,
      stdout: '',
      stderr: `error[E_FILE_NOT_FOUND]: Pipeline file ${join(ws.dir, 'missing.dot')} does not exist.\n  hint: Check the path; it is relative to the current directory.\n`,
    });
  });

  it('fails with E_FILE_READ for a directory', async () => {
    const result = await compile('.');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error\[E_FILE_READ\]: Cannot read pipeline .* it is a directory, not a regular file\./);
  });

  it('prints { file, ok, diagnostics } with --json', async () => {
    ws.write('bad.dot', bad);
    const result = await compile('bad.dot', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as { file: string; ok: boolean; nodes: number; diagnostics: Array<Record<string, unknown>> };
    expect(parsed).toMatchObject({ file: 'bad.dot', ok: false, nodes: 4, edges: 3 });
    expect(parsed.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['unknown_attribute', 'warning'],
      ['edge_target_exists', 'error'],
      ['condition_syntax', 'error'],
    ]);
    expect(parsed.diagnostics[1]).toMatchObject({ loc: { file: 'bad.dot', line: 5, column: 14 }, nodeId: 'ship_it' });
  });

  it('prints ok: true with --json for a good file', async () => {
    ws.write('good.dot', good);
    const result = await compile('good.dot', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file: 'good.dot', ok: true, nodes: 3, edges: 2, diagnostics: [] });
  });

  it('prints JSON for a syntax error too, and nothing on stderr', async () => {
    ws.write('broken.dot', broken);
    const result = await compile('broken.dot', '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: 'broken.dot', ok: false, error: { code: 'E_DOT_SYNTAX', location: { line: 3, column: 11 } }, diagnostics: [] });
    expect(result.stderr).toBe('');
  });

  it('writes the SVG with --svg when there is no error', async () => {
    ws.write('good.dot', good);
    const result = await compile('good.dot', '--svg', 'out.svg');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Wrote out.svg\n');
    const svg = readFileSync(join(ws.dir, 'out.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('hello');
  });

  it('does not write the SVG when there is an error', async () => {
    ws.write('bad.dot', bad);
    const result = await compile('bad.dot', '--svg', 'out.svg');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Not writing out.svg: the pipeline has errors.\n');
    expect(existsSync(join(ws.dir, 'out.svg'))).toBe(false);
  });

  it('fails with E_USAGE when the SVG cannot be written', async () => {
    ws.write('good.dot', good);
    const result = await compile('good.dot', '--svg', 'no/such/dir/out.svg');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error\[E_USAGE\]: Cannot write the SVG to no\/such\/dir\/out\.svg: ENOENT/);
    expect(result.stderr).toContain('  hint: Give --svg a path in a directory that exists and that you may write to.\n');
  });

  it('rejects a missing file argument and unknown options as usage errors', async () => {
    expect(await compile()).toEqual({ code: 2, stdout: '', stderr: "error[E_USAGE]: missing required argument 'file'\n  hint: See `orchestra compile --help`.\n" });
    const unknown = await compile('good.dot', '--jsno');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error[E_USAGE]: unknown option '--jsno'\n  hint: Did you mean --json? See `orchestra compile --help`.\n");
  });
});
