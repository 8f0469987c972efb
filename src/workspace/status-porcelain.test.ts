import { describe, expect, it } from 'vitest';
import { dirtyPaths, isOrchestraPath, parseStatusZ } from './status-porcelain.js';

describe('parseStatusZ', () => {
  it.each([
    ['nothing', '', []],
    [' M modified', ' M src/a.ts\0', [{ code: ' M', path: 'src/a.ts' }]],
    [
      'staged, untracked and a file with spaces',
      'A  new.ts\0?? notes.txt\0 M dir/with space.md\0',
      [
        { code: 'A ', path: 'new.ts' },
        { code: '??', path: 'notes.txt' },
        { code: ' M', path: 'dir/with space.md' },
      ],
    ],
    ['a rename carries its source in the next field', 'R  b.ts\0a.ts\0 M c.ts\0', [{ code: 'R ', path: 'b.ts', from: 'a.ts' }, { code: ' M', path: 'c.ts' }]],
    ['a conflict', 'UU both.txt\0', [{ code: 'UU', path: 'both.txt' }]],
  ])('%s', (_name, input, expected) => {
    expect(parseStatusZ(input)).toEqual(expected);
  });
});

describe('dirtyPaths', () => {
  it('lists both sides of a rename, once each, and leaves out .orchestra/', () => {
    const entries = parseStatusZ('R  b.ts\0a.ts\0 M b.ts\0?? .orchestra/\0 M .orchestra/tasks/1:x.md\0?? .orchestrate\0');
    expect(dirtyPaths(entries)).toEqual(['a.ts', 'b.ts', '.orchestrate']);
  });
});

describe('isOrchestraPath', () => {
  it.each([
    ['.orchestra', true],
    ['.orchestra/', true],
    ['.orchestra/tasks/1:a.md', true],
    ['.orchestrate', false],
    ['src/.orchestra/x', false],
  ])('%s → %s', (path, expected) => {
    expect(isOrchestraPath(path)).toBe(expected);
  });
});
