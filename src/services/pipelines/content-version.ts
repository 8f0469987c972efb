import { createHash } from 'node:crypto';

/**
 * The version of a file's text: its SHA-256 (hex). The editor sends back the version it read, and a
 * save is refused when the file on disk no longer has it, so nobody overwrites an edit unseen.
 */
export function contentVersion(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
