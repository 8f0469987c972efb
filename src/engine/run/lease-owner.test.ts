import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../core/process-alive.js';
import { isDeadLocalOwner, parseLeaseOwner } from './lease-owner.js';

describe('parseLeaseOwner', () => {
  it.each([
    ['box:123:ab12cd', { host: 'box', pid: 123 }],
    ['fe80::1:77:zz', { host: 'fe80::1', pid: 77 }],
    ['box:abc:zz', undefined],
    ['box:0:zz', undefined],
    ['just-a-name', undefined],
  ])('%s → %j', (owner, expected) => {
    expect(parseLeaseOwner(owner)).toEqual(expected);
  });
});

describe('isDeadLocalOwner', () => {
  const alive = new Set([10]);
  it.each([
    ['dead pid on this host', 'here:11:x', true],
    ['live pid on this host', 'here:10:x', false],
    ['dead pid on another host', 'there:11:x', false],
    ['unparseable owner', 'somebody', false],
  ])('%s', (_name, owner, expected) => {
    expect(isDeadLocalOwner(owner, (pid) => alive.has(pid), 'here')).toBe(expected);
  });

  it('sees this process as alive', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
  });
});
