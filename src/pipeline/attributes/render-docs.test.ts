import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES } from './catalog.js';
import { renderAttributeTables, replaceAttributeTables, TABLES_BEGIN, TABLES_END } from './render-docs.js';

const docsPath = fileURLToPath(new URL('../../../docs/pipelines.md', import.meta.url));

describe('attribute docs', () => {
  it('renders every attribute of the catalog', () => {
    const tables = renderAttributeTables();
    for (const spec of ATTRIBUTES) expect(tables).toContain(`| \`${spec.name}\` |`);
    expect(tables).toContain('| `default_max_retries` | integer | `0` | Retries for nodes');
    expect(tables).toContain('Also accepted as `default_max_retry`.');
    expect(tables).toContain('| `join_policy` | one of `wait_all`, `first_success` | `wait_all` | `parallel` |');
    expect(tables).toContain('| `timeout` | duration | unset | all |');
  });

  it('replaces only the text between the markers', () => {
    const doc = `# Title\n\n${TABLES_BEGIN}\nold tables\n${TABLES_END}\n\nAfter.\n`;
    expect(replaceAttributeTables(doc)).toBe(`# Title\n\n${TABLES_BEGIN}\n${renderAttributeTables()}${TABLES_END}\n\nAfter.\n`);
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceAttributeTables('# Title')).toThrow('The attribute table markers are missing from the document.');
  });

  // Run with UPDATE_DOCS=1 to rewrite the tables after changing the catalog.
  it('docs/pipelines.md contains the current attribute tables', () => {
    const current = readFileSync(docsPath, 'utf8');
    const expected = replaceAttributeTables(current);
    if (process.env.UPDATE_DOCS === '1' && current !== expected) writeFileSync(docsPath, expected);
    else expect(current, 'docs/pipelines.md is out of date: run UPDATE_DOCS=1 npx vitest run src/pipeline/attributes').toBe(expected);
  });
});
