import { createHash, randomBytes } from 'node:crypto';

/*
 * The text of an API token (issue 12): `orc_` and 32 random bytes in base64url (256 bits, so a
 * guess never finds one and a lookup by its hash leaks nothing worth timing). The prefix lets
 * secret scanners and people recognise one; only its SHA-256 is stored.
 */

const tokenPattern = /^orc_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return `orc_${randomBytes(32).toString('base64url')}`;
}

/** Whether `text` has the shape of a token (checked before any store lookup). */
export function isTokenShaped(text: unknown): text is string {
  return typeof text === 'string' && tokenPattern.test(text);
}

/** What the store keeps and looks a token up by: its SHA-256 as 64 lowercase hex digits. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
