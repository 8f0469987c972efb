import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePipeline } from '../dot/testing/generate-pipeline.js';
import { parseCst } from './cst-parser.js';
import { readEditorGraph } from './index.js';
import { printTokens } from './tokens.js';

const root = join(import.meta.dirname, '../../..');

function dotFilesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.dot'))
    .map((path) => join(root, folder, path));
}

const files = [...dotFilesUnder('examples'), ...dotFilesUnder('templates'), ...dotFilesUnder('test')];

describe('issue 15: every pipeline file survives read and print unchanged', () => {
  it('finds the example and template files', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const read = readEditorGraph(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.graph.nodes.length).toBeGreaterThan(0);
    expect(printTokens(parseCst(text).tokens)).toBe(text);
  });

  it('a generated 150-node pipeline with classes, comments and durations', () => {
    const text = generatePipeline(150);
    const read = readEditorGraph(text);
    expect(read.ok && read.graph.nodes.length).toBe(152);
    expect(printTokens(parseCst(text).tokens)).toBe(text);
  });
});
