import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDot } from '../../dot/parse.js';
import { formatDiagnostic } from '../format.js';
import { validate } from '../validate.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A pipeline with one composed node `sub` on line 3 (column 3) that runs `child`. */
function composed(child: string): string {
  return `digraph P {\n  start [shape=Mdiamond]\n  sub [type="pipeline", pipeline="${child}"]\n  exit [shape=Msquare]\n  start -> sub -> exit\n}\n`;
}

/** Writes `files` into a fresh temp dir and lints the first one for `rules`, as the CLI prints them. */
function lintFiles(files: Record<string, string>, rules = ['composition_cycle', 'pipeline_file_exists']): string[] {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-compose-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  const [first, source] = Object.entries(files)[0]!;
  const file = join(dir, first);
  return validate(parseDot(source, file), { source })
    .filter((d) => rules.includes(d.rule))
    .map((d) => formatDiagnostic(d).replaceAll(dir!, '<dir>'));
}

const leaf = 'digraph L { start [shape=Mdiamond]; work; exit [shape=Msquare]; start -> work -> exit }';

describe('composition_cycle', () => {
  it.each([
    ['a child without pipelines', { 'a.dot': composed('b.dot'), 'b.dot': leaf }],
    ['a diamond: two paths to one child', { 'a.dot': composed('b.dot'), 'b.dot': composed('c.dot').replace('sub ->', 'sub -> exit\n  start -> sub2 [type="pipeline", pipeline="c.dot"]\n  sub2 ->'), 'c.dot': leaf }],
    ['a child in a subdirectory naming a sibling relative to itself', { 'a.dot': composed('sub/b.dot'), 'sub/b.dot': composed('c.dot'), 'sub/c.dot': leaf }],
    ['a pipeline attribute on a node of another type', { 'a.dot': composed('a.dot').replace('type="pipeline", ', '') }],
  ])('is quiet for %s', (_name, files) => {
    expect(lintFiles(files)).toEqual([]);
  });

  it('reports a pipeline that runs itself', () => {
    expect(lintFiles({ 'a.dot': composed('a.dot') })).toEqual([
      '<dir>/a.dot:3:25: error[composition_cycle]: Node sub runs a.dot, which includes this pipeline again: a.dot → a.dot.\n  fix: remove or change one pipeline node in the chain: a pipeline cannot run itself',
    ]);
  });

  it('reports a cycle through another file, with the chain', () => {
    expect(lintFiles({ 'a.dot': composed('b.dot'), 'b.dot': composed('a.dot') })).toEqual([
      '<dir>/a.dot:3:25: error[composition_cycle]: Node sub runs b.dot, which includes this pipeline again: a.dot → b.dot → a.dot.\n  fix: remove or change one pipeline node in the chain: a pipeline cannot run itself',
    ]);
  });

  it('reports a cycle further down that does not pass through this file', () => {
    expect(lintFiles({ 'a.dot': composed('b.dot'), 'b.dot': composed('c.dot'), 'c.dot': composed('./b.dot') })).toEqual([
      '<dir>/a.dot:3:25: error[composition_cycle]: Node sub runs b.dot, whose composition has a cycle: a.dot → b.dot → c.dot → b.dot.\n  fix: remove or change one pipeline node in the chain: a pipeline cannot run itself',
    ]);
  });
});

describe('pipeline_file_exists', () => {
  it('reports a missing child file', () => {
    expect(lintFiles({ 'a.dot': composed('nope.dot') })).toEqual([
      '<dir>/a.dot:3:25: error[pipeline_file_exists]: Node sub runs pipeline nope.dot, but <dir>/nope.dot does not exist.\n  fix: pipeline="child.dot" (relative to the file that names it)',
    ]);
  });

  it('reports a missing file further down, with the chain', () => {
    expect(lintFiles({ 'a.dot': composed('b.dot'), 'b.dot': composed('gone.dot') })).toEqual([
      '<dir>/a.dot:3:25: error[pipeline_file_exists]: Node sub runs b.dot, which leads to a missing pipeline: a.dot → b.dot → gone.dot (<dir>/gone.dot does not exist).\n  fix: pipeline="child.dot" (relative to the file that names it)',
    ]);
  });

  it('reports a child that is not valid DOT', () => {
    const [diagnostic] = lintFiles({ 'a.dot': composed('b.dot'), 'b.dot': 'graph B { x -- y }' });
    expect(diagnostic).toMatch(/^<dir>\/a\.dot:3:25: error\[pipeline_file_exists\]: Node sub runs pipeline b\.dot, which cannot be read: /);
  });

  it('skips a graph that was not read from a file', () => {
    const source = composed('b.dot');
    expect(validate(parseDot(source, '<inline>'), { source }).filter((d) => d.rule === 'pipeline_file_exists')).toEqual([]);
  });
});
