import { ErrorCode, OrchestraError } from '../core/errors.js';
import { resolveOrchestraHome } from '../store/home.js';
import type { CommandContext } from './command-context.js';
import { connectDaemon } from './daemon-connection.js';
import { daemonHttpFile, readLiveHttpRecord, type DaemonHttpRecord } from './mcp-commands/daemon-http-files.js';

const httpWaitMs = 15_000;

/**
 * The running daemon's HTTP address, or, when none runs, the one `connectDaemon` starts (its HTTP
 * API writes http.json a moment after its socket answers: polled, with a deadline).
 */
export async function ensureDaemonHttp(ctx: CommandContext): Promise<DaemonHttpRecord> {
  const home = resolveOrchestraHome(ctx.io.env);
  const running = readLiveHttpRecord(home);
  if (running !== undefined) return running;
  (await connectDaemon(ctx)).close();
  const deadline = Date.now() + httpWaitMs;
  for (;;) {
    const record = readLiveHttpRecord(home);
    if (record !== undefined) return record;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new OrchestraError(ErrorCode.DAEMON, `the daemon runs but has not written its HTTP address (${daemonHttpFile(home)})`, {
    hint: 'Its log says why: $ORCHESTRA_HOME/daemon/daemon.log. `orchestra daemon stop` and a new command restart it.',
  });
}
