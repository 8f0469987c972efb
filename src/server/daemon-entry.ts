import { packagePath } from '../core/package-root.js';
import { resolveOrchestraHome } from '../store/home.js';
import { runDaemon } from './run-daemon.js';

/**
 * The daemon's own process entry, spawned by the CLI (src/cli/daemon-connection.ts). It skips the
 * CLI (commander and every command's code), which a process that lives for days and should stay
 * small has no use for. `orchestra daemon run` runs the same daemon in the foreground.
 */
const orchestraBin = packagePath('bin', 'orchestra.js');
const quiet = process.env.ORCHESTRA_QUIET_MS;
const humanPoll = process.env.ORCHESTRA_HUMAN_POLL_MS;

try {
  await runDaemon({
    home: resolveOrchestraHome(process.env),
    env: process.env,
    hookCommand: [process.execPath, orchestraBin, 'hook'],
    mcpCommand: [process.execPath, orchestraBin, 'mcp'],
    quietMs: quiet === undefined ? undefined : Number(quiet),
    humanPollMs: humanPoll === undefined ? undefined : Number(humanPoll),
    signals: process,
  });
  process.exit(0);
} catch (error) {
  // The log already has it (run-daemon.ts); stderr goes to the daemon log file too.
  process.stderr.write(`orchestra daemon: ${(error as Error).message}\n`);
  process.exit(1);
}
