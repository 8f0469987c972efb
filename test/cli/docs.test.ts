import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/core/errors.js';

// docs/cli.md promises the error codes are stable and listed: a new code must be documented.
const cliDoc = readFileSync(resolve(import.meta.dirname, '../../docs/cli.md'), 'utf8');

describe('docs/cli.md', () => {
  it.each(Object.values(ErrorCode))('documents %s', (code) => {
    expect(cliDoc).toContain(`\`${code}\``);
  });
});

// The npm name `orchestra` belongs to another package: `npx orchestra` outside the clone runs that one.
describe('issue 9: docs name the command as it is on PATH', () => {
  const docs = ['README.md', ...readdirSync(resolve(import.meta.dirname, '../../docs')).map((name) => `docs/${name}`)].filter((name) => name.endsWith('.md'));
  it.each(docs)('%s never says npx orchestra', (name) => {
    expect(readFileSync(resolve(import.meta.dirname, '../..', name), 'utf8')).not.toMatch(/npx\s+orchestra\b/);
  });
});
