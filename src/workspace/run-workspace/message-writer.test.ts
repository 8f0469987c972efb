import { describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import { turnMessage } from './message-writer.js';
import type { CommitMessageWriter } from './types.js';

const input = { diff: '+hello\n', files: ['a.txt'], node: 'implement', turn: 2 };
const deterministic = 'implement: turn 2, 1 file (a.txt)\n\nFiles:\n- a.txt';
const options = { timeoutMs: 20_000, clock: systemClock, logger: silentLogger };
// A clock whose timeout has already passed: sleep resolves at once (unless aborted first).
const expired: Clock = { now: () => 0, sleep: () => Promise.resolve() };

describe('issue 14: the commit message of a turn', () => {
  it.each<[string, CommitMessageWriter | undefined, string]>([
    ['no writer', undefined, deterministic],
    ['the writer answers', () => Promise.resolve('  Add the greeting\n'), 'Add the greeting'],
    ['the writer answers nothing', () => Promise.resolve(undefined), deterministic],
    ['the writer answers blank text', () => Promise.resolve(' \n'), deterministic],
    ['the writer throws', () => Promise.reject(new Error('model down')), deterministic],
  ])('%s', async (_name, writer, expected) => {
    expect(await turnMessage(writer, input, options)).toBe(expected);
  });

  it('gives the deterministic message when the writer does not answer in time, and aborts it', async () => {
    let signal: AbortSignal | undefined;
    const silent: CommitMessageWriter = (call) => {
      signal = call.signal;
      return new Promise(() => undefined);
    };
    expect(await turnMessage(silent, input, { ...options, clock: expired })).toBe(deterministic);
    expect(signal?.aborted).toBe(true);
  });

  it('cuts a huge diff before the writer sees it', async () => {
    let seen = '';
    await turnMessage((call) => ((seen = call.diff), Promise.resolve('ok')), { ...input, diff: 'x'.repeat(100_000) }, options);
    expect(seen.length).toBeLessThan(61_000);
    expect(seen).toContain('[diff cut at 60000 characters]');
  });
});
