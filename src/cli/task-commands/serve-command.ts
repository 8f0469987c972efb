import { ExitCode } from '../../core/errors.js';
import { isLoopbackHost, parsePort } from '../../server/http/http-address.js';
import type { CommandContext } from '../command-context.js';
import { foregroundDaemonOptions } from '../daemon-connection.js';

/**
 * `orchestra serve [--host H] [--port P]` (issue 12): the daemon in the foreground, the same one
 * `orchestra daemon start` runs, printing its HTTP API's URL; Ctrl-C stops it. A daemon already
 * running for this home is an error: one daemon per home.
 */
export async function serveCommand(ctx: CommandContext, options: { host?: string; port?: string }): Promise<number> {
  const port = options.port === undefined ? undefined : parsePort(options.port, '--port');
  const host = options.host ?? ctx.io.env.ORCHESTRA_HTTP_HOST ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    ctx.io.stderr.write(
      `${ctx.err.bold(`WARNING: the HTTP API listens on ${host}, reachable from other machines, not on this one only.`)} Anyone who reaches it may try tokens: put TLS in front of it (a reverse proxy) and give tokens the least scope.\n`,
    );
  }
  const { runDaemon } = await import('../../server/run-daemon.js');
  await runDaemon({
    ...foregroundDaemonOptions(ctx),
    http: { host, ...(port !== undefined && { port }) },
    httpRequired: true,
    onHttpReady: (url) => ctx.io.stdout.write(`orchestra serves ${url} (Ctrl-C stops it)\n`),
  });
  return ExitCode.OK;
}
