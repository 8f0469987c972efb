import { z } from 'zod';
import { text } from './schema-parts.js';

/** A user or group id: what `--to user:ID`, `assignee`, group member lists and ORCHESTRA_USER name. */
const personId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, 'must be an id: letters, digits, and . _ @ + -, starting with a letter or digit');

export const userSchema = z.strictObject({
  name: text.optional(),
  email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address').optional(),
  slack_id: text.optional(),
});

/**
 * `people:` in orchestra.yaml (issue 10): who may be assigned human tasks and answer them.
 *
 *     people:
 *       users:
 *         ann: { name: Ann Lee, email: ann@example.com, slack_id: U012ABC }
 *       groups:
 *         support-l1: [ann, bob]
 *       admins: [ann]
 */
export const peopleSchema = z.strictObject({
  users: z.record(personId, userSchema).optional(),
  groups: z.record(personId, z.array(personId)).optional(),
  admins: z.array(personId).optional(),
});

export type RawPeople = z.infer<typeof peopleSchema>;
