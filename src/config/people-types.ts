export interface ResolvedUser {
  id: string;
  name?: string;
  email?: string;
  slackId?: string;
}

/** `people:` resolved: every member and admin is a known user. Read with `entryOf` (ids are user text). */
export interface ResolvedPeople {
  /** Whether the file has a `people:` section; without one, the CLI acts as the bare identity. */
  configured: boolean;
  users: Readonly<Record<string, ResolvedUser>>;
  /** Group id → member user ids. */
  groups: Readonly<Record<string, readonly string[]>>;
  admins: readonly string[];
}

export const noPeople: ResolvedPeople = { configured: false, users: {}, groups: {}, admins: [] };
