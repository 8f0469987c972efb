import { readFileSync } from 'node:fs';
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
