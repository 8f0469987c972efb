import { describe, expect, it } from 'vitest';
import type { StageStatus } from '../../../core/events.js';
import { joinStatus, type JoinPolicy } from './join-policy.js';

describe('joinStatus', () => {
  it.each<[JoinPolicy, StageStatus[], StageStatus]>([
    ['wait_all', ['success', 'success'], 'success'],
    ['wait_all', ['success', 'partial_success'], 'success'],
    ['wait_all', ['success', 'fail'], 'partial_success'],
    ['wait_all', ['fail', 'fail'], 'partial_success'],
    ['wait_all', ['success', 'skipped'], 'success'],
    ['first_success', ['fail', 'success', 'skipped'], 'success'],
    ['first_success', ['fail', 'partial_success'], 'partial_success'],
    ['first_success', ['fail', 'fail'], 'fail'],
    ['first_success', ['skipped'], 'fail'],
  ])('%s with %j → %s', (policy, statuses, expected) => {
    expect(joinStatus(policy, statuses)).toBe(expected);
  });
});
