import { z } from 'zod';
import type { ChannelConfig } from '../config/notifications-types.js';

/*
 * A channel's resolved settings as stored with a delivery or a task's routing (issue 10): exactly
 * ChannelConfig, which names the variables holding secrets and never holds one. Read back through
 * this schema: a stored row is data, and a bad one fails its delivery instead of the sender.
 */

const name = z.string().min(1);
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

export const channelTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ name, type: z.literal('slack'), urlEnv: envName }),
  z.strictObject({ name, type: z.literal('webhook'), urlEnv: envName, secretEnv: envName }),
  z.strictObject({ name, type: z.literal('inbox') }),
  z.strictObject({
    name,
    type: z.literal('email'),
    host: z.string().min(1),
    port: z.int().min(1).max(65_535),
    secure: z.boolean(),
    from: z.string().min(1),
    to: z.array(z.string()),
    userEnv: envName.optional(),
    passwordEnv: envName.optional(),
  }),
]);

/** The stored target as a ChannelConfig, or an Error naming what is wrong with it. */
export function parseChannelTarget(value: unknown): ChannelConfig | Error {
  const parsed = channelTargetSchema.safeParse(value);
  if (parsed.success) return parsed.data as ChannelConfig;
  const [issue] = parsed.error.issues;
  return new Error(`the stored channel target is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
