import { isProcessAlive } from '../../core/process-alive.js';
import { daemonPaths } from '../../server/daemon/daemon-paths.js';
import { readHttpFile, type HttpRecord } from '../../server/daemon/http-file.js';

export type DaemonHttpRecord = HttpRecord;

/** `<home>/daemon/http.json`, written by the daemon once its HTTP API listens. */
export function daemonHttpFile(home: string): string {
  return daemonPaths(home).httpFile;
}

/** The daemon's HTTP address when the process that wrote it still runs; else undefined (none, or stale). */
export function readLiveHttpRecord(home: string): DaemonHttpRecord | undefined {
  const record = readHttpFile(daemonHttpFile(home));
  return record !== undefined && record.pid > 0 && isProcessAlive(record.pid) ? record : undefined;
}
