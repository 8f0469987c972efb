import { ExitCode } from '../../core/errors.js';
import { isLoopbackHost, parsePort } from '../../server/http/http-address.js';
import type { CommandContext } from '../command-context.js';
import { foregroundDaemonOptions } from '../daemon-connection.js';

/**
 * `orchestra serve [--host H] [--port P]` (issue 12; else ORCHESTRA_HTTP_HOST/PORT, else the `http:`
 * section of $ORCHESTRA_HOME/config.yaml): the daemon in the foreground, the same one
 * `orchestra daemon start` runs, printing its HTTP API's URL; Ctrl-C stops it. A daemon already
 * running for this home is an error: one daemon per home.
 */
export async function serveCommand(ctx: CommandContext, options: { host?: string; port?: string }): Promise<number> {
  const daemon = foregroundDaemonOptions(ctx);
  const flagPort = options.port === undefined ? undefined : parsePort(options.port, '--port');
  // The flags, then ORCHESTRA_HTTP_HOST/PORT, then config.yaml's http: section (read here too, so the warning names the host it will be).
  const { daemonHttpSettings } = await import('../../server/http/http-settings.js');
  const { host, port } = await daemonHttpSettings({ home: daemon.home, env: daemon.env, ...(options.host !== undefined && { host: options.host }), ...(flagPort !== undefined && { port: flagPort }) });
  if (!isLoopbackHost(host)) {
    ctx.io.stderr.write(
      `${ctx.err.bold(`WARNING: the HTTP API listens on ${host}, reachable from other machines, not on this one only.`)} Anyone who reaches it may try tokens: put TLS in front of it (a reverse proxy) and give tokens the least scope.\n`,
    );
  }
  const { runDaemon } = await import('../../server/run-daemon.js');
  await runDaemon({
    ...daemon,
    http: { host, ...(port !== undefined && { port }) },
    httpRequired: true,
    onHttpReady: (url) => ctx.io.stdout.write(`orchestra serves ${url} (Ctrl-C stops it)\n`),
  });
  return ExitCode.OK;
}
