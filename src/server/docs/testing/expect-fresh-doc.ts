import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { replaceGeneratedBlock, type GeneratedBlock } from '../generated-block.js';

/**
 * The test of a generated block: fails when `page`'s block is not `block`, naming the npm script
 * that rewrites it; with UPDATE_DOCS=1 (what that script sets) it rewrites the page instead.
 */
export function expectFreshDoc(page: string, markers: GeneratedBlock, block: string, script: string): void {
  const text = readFileSync(page, 'utf8');
  const fresh = replaceGeneratedBlock(text, markers, block);
  if (process.env.UPDATE_DOCS === '1') writeFileSync(page, fresh);
  else expect(text, `${page} is stale: run \`npm run ${script}\``).toBe(fresh);
}
