import { z } from 'zod';
import { ApiTokenAccesses } from '../../store/api-token-types.js';

/* The zod schemas of API tokens (issue 12): the services validate with them, the API's operations reuse them. */

export const tokenName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, '1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');

export const tokenAccess = z.enum(ApiTokenAccesses);

export const tokenUser = z.string().trim().min(1, 'the user a token acts as cannot be empty').max(200);

export const createTokenInput = z.object({ name: tokenName, user: tokenUser, access: tokenAccess });

/** A token's id (`tok_…`) or the name of one. */
export const tokenRef = z.string().min(1, 'name a token by its id or name').max(100);

/** A token as every way in shows it: never the token, never its hash. */
export const tokenView = z.object({
  id: z.string(),
  tenant: z.string(),
  name: z.string(),
  user: z.string(),
  access: tokenAccess,
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().optional(),
  revokedAt: z.number().int().optional(),
});
