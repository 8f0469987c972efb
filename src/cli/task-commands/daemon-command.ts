import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { resolveOrchestraHome } from '../../store/home.js';
import { daemonPaths, daemonStatus, ensureDaemon, stopDaemon } from '../../server/daemon/index.js';
import type { CommandContext } from '../command-context.js';
import { daemonCommand, orchestraBin } from '../daemon-connection.js';

/** `orchestra daemon start|stop|status|logs|run`. */
export async function daemonSubcommand(ctx: CommandContext, action: string, options: { json?: boolean; lines?: string }): Promise<number> {
  const home = resolveOrchestraHome(ctx.io.env);
  switch (action) {
    case 'start': {
      const { client, started } = await ensureDaemon({ home, command: daemonCommand(), env: { ...ctx.io.env } });
      client.close();
      ctx.io.stdout.write(started ? 'started the orchestra daemon\n' : 'the orchestra daemon is already running\n');
      return ExitCode.OK;
    }
    case 'stop': {
      const result = await stopDaemon({ home });
      ctx.io.stdout.write(result.wasRunning ? `stopped the orchestra daemon (pid ${result.pid})\n` : 'the orchestra daemon was not running\n');
      return ExitCode.OK;
    }
    case 'status': {
      const status = await daemonStatus({ home });
      if (options.json) ctx.io.stdout.write(`${JSON.stringify(status)}\n`);
      else if (!status.running) ctx.io.stdout.write('the orchestra daemon is not running (any task command starts it)\n');
      else {
        const mb = (status.rssBytes / 1024 / 1024).toFixed(1);
        ctx.io.stdout.write(`the orchestra daemon is running: pid ${status.pid}, up ${Math.round(status.uptimeMs / 1000)}s, ${mb} MB, socket ${status.socket}\n`);
      }
      return status.running ? ExitCode.OK : ExitCode.FAILED;
    }
    case 'logs': {
      const { logFile } = daemonPaths(home);
      if (!existsSync(logFile)) {
        ctx.io.stdout.write(`no daemon log yet (${logFile})\n`);
        return ExitCode.OK;
      }
      const lines = (await readFile(logFile, 'utf8')).split('\n');
      const count = options.lines === undefined ? 50 : Number.parseInt(options.lines, 10);
      ctx.io.stdout.write(`${lines.slice(-count - 1).join('\n')}`);
      return ExitCode.OK;
    }
    case 'run': {
      const { runDaemon } = await import('../../server/run-daemon.js');
      const quiet = ctx.io.env.ORCHESTRA_QUIET_MS === undefined ? undefined : Number(ctx.io.env.ORCHESTRA_QUIET_MS);
      await runDaemon({ home, env: ctx.io.env, hookCommand: [process.execPath, orchestraBin, 'hook'], quietMs: quiet, signals: ctx.io.signals });
      return ExitCode.OK;
    }
    default:
      throw new OrchestraError(ErrorCode.USAGE, `unknown daemon action "${action}".`, { hint: 'Use one of: orchestra daemon start | stop | status | logs' });
  }
}
