import { hostname } from 'node:os';
import { isProcessAlive } from '../../core/process-alive.js';

/** Lease owners are `${hostname}:${pid}:${suffix}`; the host may itself contain colons. */
export function parseLeaseOwner(owner: string): { host: string; pid: number } | undefined {
  const parts = owner.split(':');
  if (parts.length < 3) return undefined;
  const pid = Number(parts[parts.length - 2]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { host: parts.slice(0, -2).join(':'), pid };
}

/**
 * True when the owner names a process on this host that no longer exists (killed -9, crashed):
 * its lease may be taken at once instead of waiting for it to expire.
 */
export function isDeadLocalOwner(owner: string, isAlive: (pid: number) => boolean = isProcessAlive, host: string = hostname()): boolean {
  const parsed = parseLeaseOwner(owner);
  if (!parsed || parsed.host !== host) return false;
  return !isAlive(parsed.pid);
}
