/** A person acting on human tasks, resolved from `people:` (or the bare identity when none is configured). */
export interface Actor {
  /** A user id of `people.users`, or the identity itself (ORCHESTRA_USER, git's user.email). */
  id: string;
  /** The groups the user is a member of. */
  groups: readonly string[];
  admin: boolean;
}

/** The system itself (SLA timers, gates): acts without eligibility, recorded as `system`. */
export const systemActor: Actor = { id: 'system', groups: [], admin: true };
