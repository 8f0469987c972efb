import { describe, expect, it } from 'vitest';
import { createRunId } from './ids.js';

describe('run ids', () => {
  it('are 16 base36 characters and sort by creation time', () => {
    const earlier = createRunId(1_700_000_000_000, () => Buffer.from([255, 255, 255, 255]));
    const later = createRunId(1_700_000_000_001, () => Buffer.from([0, 0, 0, 0]));
    expect(earlier).toMatch(/^[0-9a-z]{16}$/);
    expect(later).toMatch(/^[0-9a-z]{16}$/);
    expect(earlier < later).toBe(true);
  });

  it('differ when created in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 100 }, () => createRunId(1_700_000_000_000)));
    expect(ids.size).toBeGreaterThan(95);
  });
});
