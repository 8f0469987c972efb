import { describe, expect, it } from 'vitest';
import { turnWrites } from './turn-writes.js';

const call = (name: string, input: unknown, isError = false, skipped = false) => ({ name, input, is_error: isError, ...(skipped && { skipped_by_hook: true }) });

describe('issue 14: the files an agent turn wrote', () => {
  it.each([
    ['no calls', [], []],
    ['writes and edits, absolute', [call('write_file', { path: 'a.txt' }), call('edit_file', { path: 'src/b.ts' })], ['/w/a.txt', '/w/src/b.ts']],
    ['reads and searches write nothing', [call('read_file', { path: 'a.txt' }), call('grep', { pattern: 'x' })], []],
    ['a failed write wrote nothing', [call('write_file', { path: 'a.txt' }, true)], []],
    ['a shell call may have written anything', [call('write_file', { path: 'a.txt' }), call('shell', { command: 'make' })], undefined],
    ['a shell call its hook skipped ran nothing', [call('shell', { command: 'make' }, true, true)], []],
    ['a path without a string is ignored', [call('write_file', { path: 3 })], []],
  ])('%s', (_name, calls, expected) => {
    expect(turnWrites('/w', calls)).toEqual(expected);
  });
});
