import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { resolveOrchestraHome } from '../../store/home.js';
import { daemonPaths, daemonStatus, ensureDaemon, stopDaemon } from '../../server/daemon/index.js';
import { probeSocket } from '../../server/daemon/socket-probe.js';
import type { CommandContext } from '../command-context.js';
import { daemonCommand, foregroundDaemonOptions } from '../daemon-connection.js';

/** `orchestra daemon start|stop|restart|status|logs|run`. */
export async function daemonSubcommand(ctx: CommandContext, action: string, options: { json?: boolean; lines?: string }): Promise<number> {
  const home = resolveOrchestraHome(ctx.io.env);
  switch (action) {
    case 'start': {
      const { client, started } = await ensureDaemon({ home, command: daemonCommand(), env: { ...ctx.io.env } });
      client.close();
      ctx.io.stdout.write(started ? 'started the orchestra daemon\n' : 'the orchestra daemon is already running\n');
      return ExitCode.OK;
    }
    case 'restart': {
      // Its agents stop with it and keep their records: the new daemon resumes their sessions.
      const stopped = await stopDaemon({ home });
      const { client, started } = await ensureDaemon({ home, command: daemonCommand(), env: { ...ctx.io.env } });
      client.close();
      const status = await daemonStatus({ home, httpWaitMs: 0 });
      const pid = status.running ? ` (pid ${status.pid})` : '';
      ctx.io.stdout.write(stopped.wasRunning && started ? `restarted the orchestra daemon${pid}\n` : `started the orchestra daemon${pid}\n`);
      return ExitCode.OK;
    }
    case 'stop': {
      const result = await stopDaemon({ home });
      if (result.wasRunning) {
        ctx.io.stdout.write(`stopped the orchestra daemon (pid ${result.pid})\n`);
        return ExitCode.OK;
      }
      const orphans = await stopOrphanedAgents(ctx, home);
      const left = orphans === 0 ? '' : `; stopped ${orphans} agent${orphans === 1 ? '' : 's'} it left running (the next daemon resumes their sessions)`;
      ctx.io.stdout.write(`the orchestra daemon was not running${left}\n`);
      return ExitCode.OK;
    }
    case 'status': {
      const status = await daemonStatus({ home });
      if (options.json) ctx.io.stdout.write(`${JSON.stringify(status)}\n`);
      else if (!status.running) ctx.io.stdout.write('the orchestra daemon is not running (any task command starts it)\n');
      else {
        const mb = (status.rssBytes / 1024 / 1024).toFixed(1);
        const http = status.url !== undefined ? `, HTTP API ${status.url}` : status.http === 'off' ? `, HTTP API off (${status.httpError ?? 'see daemon logs'})` : status.http === 'starting' ? ', HTTP API still starting' : '';
        ctx.io.stdout.write(`the orchestra daemon is running: pid ${status.pid}, up ${Math.round(status.uptimeMs / 1000)}s, ${mb} MB, socket ${status.socket}${http}\n`);
      }
      return status.running ? ExitCode.OK : ExitCode.FAILED;
    }
    case 'logs': {
      const { logFile } = daemonPaths(home);
      const count = lineCount(options.lines);
      if (!existsSync(logFile)) {
        ctx.io.stdout.write(`no daemon log yet (${logFile})\n`);
        return ExitCode.OK;
      }
      const lines = (await readFile(logFile, 'utf8')).split('\n');
      // The log ends with a newline, so the last element is empty: keep it, the output ends with one too.
      ctx.io.stdout.write(count === 0 ? '' : `${lines.slice(-count - 1).join('\n')}`);
      return ExitCode.OK;
    }
    case 'run': {
      const { runDaemon } = await import('../../server/run-daemon.js');
      await runDaemon(foregroundDaemonOptions(ctx));
      return ExitCode.OK;
    }
    default:
      throw new OrchestraError(ErrorCode.USAGE, `unknown daemon action "${action}".`, { hint: 'Use one of: orchestra daemon start | stop | restart | status | logs' });
  }
}

/**
 * A daemon that was killed (kill -9, OOM) leaves its agents running without a terminal. Stopping
 * "the daemon" must stop them too; their records stay, so the next daemon resumes their sessions.
 */
async function stopOrphanedAgents(ctx: CommandContext, home: string): Promise<number> {
  // A daemon too busy to answer still accepts connections: its agents are not orphans.
  if ((await probeSocket(daemonPaths(home).socket)) === 'live') return 0;
  const [{ DaemonState }, { endOrphanAgents, findOrphanAgents }] = await Promise.all([import('../../server/tasks/daemon-state.js'), import('../../server/tasks/orphan-agents.js')]);
  const state = DaemonState.load(daemonPaths(home).stateDir, (message) => ctx.io.stderr.write(`warning: ${message}\n`));
  return endOrphanAgents(findOrphanAgents(home, state.agents));
}

function lineCount(option: string | undefined): number {
  if (option === undefined) return 50;
  if (!/^\d+$/.test(option)) {
    throw new OrchestraError(ErrorCode.USAGE, `--lines must be a whole number of lines, not "${option}".`, { hint: 'For example: orchestra daemon logs --lines 100' });
  }
  return Number(option);
}
