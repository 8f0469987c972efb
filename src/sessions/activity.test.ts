import { describe, expect, it } from 'vitest';
import { activityOf, type ActivityInputs } from './activity.js';

const base: ActivityInputs = { now: 10_000, lastOutputAt: undefined, lastLine: '', quietMs: 2000 };

describe('activityOf', () => {
  it.each<[string, Partial<ActivityInputs>, string]>([
    ['no output yet, nothing on screen', {}, 'idle'],
    ['output just now', { lastOutputAt: 10_000, lastLine: 'Proceed? (y/n)' }, 'working'],
    ['output 1999 ms ago', { lastOutputAt: 8_001, lastLine: 'compiling' }, 'working'],
    ['exactly quietMs of quiet', { lastOutputAt: 8_000, lastLine: 'compiling' }, 'idle'],
    ['quiet, with a question on screen', { lastOutputAt: 5_000, lastLine: 'Proceed with the change? (y/n)' }, 'waiting'],
    ['quiet, with a prompt', { lastOutputAt: 5_000, lastLine: 'Enter a name:' }, 'waiting'],
    ['quiet, with a plain line', { lastOutputAt: 5_000, lastLine: 'done' }, 'idle'],
    ['a report newer than the output wins', { lastOutputAt: 9_900, lastLine: 'thinking', report: { activity: 'waiting', at: 9_950 } }, 'waiting'],
    ['a report at the same moment as the output wins', { lastOutputAt: 9_900, report: { activity: 'idle', at: 9_900 } }, 'idle'],
    ['a report with no output at all wins', { report: { activity: 'working', at: 1 } }, 'working'],
    ['a working report holds through quiet', { lastOutputAt: 1_000, lastLine: 'Proceed?', report: { activity: 'working', at: 2_000 } }, 'working'],
    ['output after the report: working again', { lastOutputAt: 9_990, report: { activity: 'waiting', at: 9_000 } }, 'working'],
    ['stale report, then quiet: the screen decides', { lastOutputAt: 5_000, lastLine: 'done', report: { activity: 'waiting', at: 4_000 } }, 'idle'],
    ['a small quietMs', { lastOutputAt: 9_600, lastLine: 'Anything else?', quietMs: 300 }, 'waiting'],
  ])('%s → %s', (_name, inputs, expected) => {
    expect(activityOf({ ...base, ...inputs })).toBe(expected);
  });
});

describe('activityOf with reports that hold (hooks, plugins)', () => {
  it('keeps a report through later output, which a plain report does not survive', () => {
    const inputs = { now: 10_000, lastOutputAt: 9_990, lastLine: 'Worked for 3s', quietMs: 2_000, report: { activity: 'idle' as const, at: 5_000 } };
    expect(activityOf({ ...inputs, reportsHold: true })).toBe('idle');
    expect(activityOf(inputs)).toBe('working');
  });
});
