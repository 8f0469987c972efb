/*
 * The task terminal's WebSocket from the page's side (protocol: docs/api.md "The task terminal").
 * Same origin, so the browser sends the session cookie and the page's Origin, which the server checks.
 */

export type ServerFrame =
  | { type: 'attached'; task: { id: number; slug: string; status: string }; screen: string; cols: number; rows: number; canType: boolean }
  | { type: 'exit'; exitCode: number; signal?: number }
  | { type: 'error'; code: string; message: string; hint?: string; fatal: boolean };

export function terminalUrl(location: Pick<Location, 'protocol' | 'host'>, project: string, taskId: number, size: { cols: number; rows: number }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/tasks/${taskId}/terminal?project=${encodeURIComponent(project)}&cols=${size.cols}&rows=${size.rows}`;
}

/** Why the socket closed, for a person: the server's error frame says more when it sent one. */
export function closeReason(code: number, reason: string): string {
  if (code === 1000) return reason === 'the agent exited' ? 'The agent exited.' : 'Detached: the agent keeps running.';
  if (code === 1001) return 'The daemon is stopping.';
  if (code === 4000) return 'The terminal was refused.';
  if (code === 4008) return 'Detached: this page fell too far behind the agent\'s output.';
  return 'The connection to the daemon closed (the session may have expired, or the daemon stopped).';
}

/** Chunks of the agent's output as one (one write to the terminal). */
export function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
