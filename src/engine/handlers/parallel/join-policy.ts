import type { StageStatus } from '../../../core/events.js';
import { isSuccessful } from '../../../core/outcome.js';

export const JoinPolicy = { WAIT_ALL: 'wait_all', FIRST_SUCCESS: 'first_success' } as const;
export type JoinPolicy = (typeof JoinPolicy)[keyof typeof JoinPolicy];
export const joinPolicies: readonly JoinPolicy[] = Object.values(JoinPolicy);

/**
 * The parallel node's status from its branches (Attractor §4.8): `wait_all` is SUCCESS when no
 * branch failed, else PARTIAL_SUCCESS; `first_success` is SUCCESS when a branch succeeded,
 * PARTIAL_SUCCESS when one succeeded partially, else FAIL.
 */
export function joinStatus(policy: JoinPolicy, statuses: readonly StageStatus[]): StageStatus {
  if (policy === JoinPolicy.WAIT_ALL) return statuses.includes('fail') ? 'partial_success' : 'success';
  if (statuses.includes('success')) return 'success';
  return statuses.some(isSuccessful) ? 'partial_success' : 'fail';
}
