import { describe, expect, it } from 'vitest';
import { withRepoLock } from './repo-lock.js';

describe('withRepoLock', () => {
  it('runs work for one repository one at a time, in order, even when one fails', async () => {
    const events: string[] = [];
    const step = (name: string, fail = false) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([withRepoLock('/r', step('a')), withRepoLock('/r', step('b', true)), withRepoLock('/r', step('c'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets different repositories run side by side', async () => {
    const events: string[] = [];
    let release!: () => void;
    const blocked = withRepoLock('/one', () => new Promise<void>((resolve) => (release = resolve)));
    await withRepoLock('/two', async () => void events.push('two ran'));
    expect(events).toEqual(['two ran']);
    release();
    await blocked;
  });
});
