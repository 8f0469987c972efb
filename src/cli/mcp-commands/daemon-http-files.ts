import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { isProcessAlive } from '../../core/process-alive.js';
import { validateTenantName } from '../../core/tenant-scope.js';
import { daemonPaths } from '../../server/daemon/daemon-paths.js';

/** `<home>/daemon/http.json`, written by the daemon once its HTTP API listens. */
export interface DaemonHttpRecord {
  url: string;
  pid: number;
}

export function daemonHttpFile(home: string): string {
  return join(daemonPaths(home).dir, 'http.json');
}

/** `<home>/daemon/tokens/<tenant>`: the local user's token for a tenant, private to the user. */
export function localTokenFile(home: string, tenant: string): string {
  return join(daemonPaths(home).dir, 'tokens', validateTenantName(tenant));
}

/** The daemon's HTTP address when the process that wrote it still runs; else undefined (none, or stale). */
export function readLiveHttpRecord(home: string): DaemonHttpRecord | undefined {
  const record = readJson(daemonHttpFile(home));
  if (!isHttpRecord(record) || !isProcessAlive(record.pid)) return undefined;
  return record;
}

/** The local token of `tenant`, or E_DAEMON saying which file is missing. */
export function readLocalToken(home: string, tenant: string): string {
  const file = localTokenFile(home, tenant);
  let token = '';
  try {
    token = readFileSync(file, 'utf8').trim();
  } catch {
    // Missing or unreadable: the same answer below.
  }
  if (token !== '') return token;
  throw new OrchestraError(ErrorCode.DAEMON, `no local token for tenant "${tenant}" (${file})`, {
    hint: 'The daemon writes it when its HTTP API starts: run `orchestra daemon stop`, then any orchestra command, to restart it.',
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// Checked by hand like the pid file: no zod on the way to every agent's first tool call.
function isHttpRecord(value: unknown): value is DaemonHttpRecord {
  const record = value as Partial<DaemonHttpRecord> | null;
  return typeof record === 'object' && record !== null && typeof record.url === 'string' && Number.isInteger(record.pid) && (record.pid as number) > 0;
}
