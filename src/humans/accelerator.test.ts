import { describe, expect, it } from 'vitest';
import { assignAcceleratorKeys, normalizeLabel, parseAccelerator } from './accelerator.js';

describe('parseAccelerator', () => {
  it.each([
    ['[A] Approve', 'A', 'Approve'],
    ['[r] Reject', 'R', 'Reject'],
    ['Y) Yes please', 'Y', 'Yes please'],
    ['N - No thanks', 'N', 'No thanks'],
    ['  [2]   Second  ', '2', 'Second'],
    ['Approve', undefined, 'Approve'],
    ['A-B testing', undefined, 'A-B testing'],
    ['[AB] Two letters', undefined, '[AB] Two letters'],
    ['[A]', undefined, '[A]'],
    ['', undefined, ''],
  ])('%j → key %j, text %j', (label, key, text) => {
    expect(parseAccelerator(label)).toEqual({ key, text });
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['[Y] Yes', 'yes'],
    ['Y) Yes', 'yes'],
    ['Y - Yes', 'yes'],
    ['  Ship  It ', 'ship it'],
    ['Fix', 'fix'],
  ])('%j → %j', (label, normalized) => {
    expect(normalizeLabel(label)).toBe(normalized);
  });
});

describe('assignAcceleratorKeys', () => {
  it.each<[string, string[], string[]]>([
    ['explicit keys kept', ['[A] Approve', '[R] Reject'], ['A', 'R']],
    ['first character upper-cased', ['approve', 'reject'], ['A', 'R']],
    ['duplicate first letters take the next free letter', ['Fix', 'Finish', 'Fail'], ['F', 'I', 'A']],
    ['explicit keys win over derived ones declared earlier', ['Retry', '[R] Reject'], ['E', 'R']],
    ['duplicate explicit keys are deduplicated', ['[A] Approve', '[A] Abort'], ['A', 'B']],
    ['no free letter falls back to digits', ['a', 'A', 'a'], ['A', '1', '2']],
    ['digits already taken are skipped', ['[1] one', '1', '1'], ['1', '2', '3']],
  ])('%s', (_name, labels, keys) => {
    expect(assignAcceleratorKeys(labels).map((k) => k.key)).toEqual(keys);
  });

  it('returns the labels without their accelerator prefix', () => {
    expect(assignAcceleratorKeys(['[A] Approve', 'K) Keep', 'plain'])).toEqual([
      { key: 'A', label: 'Approve' },
      { key: 'K', label: 'Keep' },
      { key: 'P', label: 'plain' },
    ]);
  });
});
