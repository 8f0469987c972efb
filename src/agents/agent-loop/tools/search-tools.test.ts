import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grepTool } from './search-tools.js';
import { executeTool } from './tool-set.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'orchestra-grep-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

const context = (signal = new AbortController().signal) => ({ workDir: work, signal, env: {} });

/** How late a timer due in `delayMs` fires while `work` runs: the event loop's responsiveness. */
async function timerLateness<T>(delayMs: number, work: () => Promise<T>): Promise<{ result: T; lateMs: number }> {
  const due = performance.now() + delayMs;
  const fired = new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - due), delayMs));
  const result = await work();
  return { result, lateMs: await fired };
}

describe('issue 8.5: a model-supplied regular expression cannot freeze the engine', () => {
  it('grep with (a+)+$ on long lines of a finishes quickly and a timer set meanwhile fires on time', { timeout: 30_000 }, async () => {
    const lines = ['a'.repeat(28) + '!', 'a'.repeat(200_000) + '!', 'aaa', 'b'];
    await writeFile(join(work, 'a.txt'), lines.join('\n'));
    const started = performance.now();
    const { result, lateMs } = await timerLateness(20, () => grepTool({ pattern: '(a+)+$' }, context()));
    expect(result).toBe('a.txt:3: aaa');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(lateMs).toBeLessThan(1_000);
  });

  it('an abort ends a long grep at its next slice', { timeout: 30_000 }, async () => {
    await mkdir(join(work, 'many'));
    const text = `${Array.from({ length: 4_000 }, (_, i) => `${'a'.repeat(300)} line ${i}`).join('\n')}\n`;
    for (let i = 0; i < 40; i += 1) await writeFile(join(work, 'many', `f${i}.txt`), text);
    const controller = new AbortController();
    const reason = new Error('node cancelled');
    setTimeout(() => controller.abort(reason), 0);
    await expect(grepTool({ pattern: '(.*a){30}z' }, context(controller.signal))).rejects.toBe(reason);
  });

  it('a pattern RE2 cannot run (a backreference) is a tool error that says why', async () => {
    await writeFile(join(work, 'a.txt'), 'aa\n');
    const result = await executeTool('grep', { pattern: '(a)\\1' }, context());
    expect(result.isError).toBe(true);
    expect(result.output).toContain('is not a valid RE2 regular expression');
    expect(result.output).toContain('backreferences are not supported');
  });
});
