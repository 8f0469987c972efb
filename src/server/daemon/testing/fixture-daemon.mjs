// A real daemon process for the lifecycle tests: the built daemon server (dist/, built by `npm test`
// before vitest) with only its built-in methods. ORCHESTRA_HOME names the home, as ensureDaemon sets it.
// FIXTURE_IGNORE_STOP=1 makes it ignore daemon.shutdown and SIGTERM, to test stopDaemon's SIGKILL.
import { createDaemonLog, daemonPaths, startDaemonServer } from '../../../../dist/server/daemon/index.js';

const home = process.env.ORCHESTRA_HOME;
if (!home) {
  process.stderr.write('fixture-daemon: ORCHESTRA_HOME is not set\n');
  process.exit(2);
}
const ignoreStop = process.env.FIXTURE_IGNORE_STOP === '1';
const log = createDaemonLog(daemonPaths(home).logFile);
let server;

async function stop(code) {
  await server?.close();
  log.close();
  process.exit(code);
}

try {
  server = await startDaemonServer({ home, methods: [], log, onShutdownRequest: () => (ignoreStop ? undefined : void stop(0)) });
  process.on('SIGTERM', () => (ignoreStop ? undefined : void stop(0)));
} catch (error) {
  log.error('fixture daemon did not start', { code: error.code, error: error.message });
  log.close();
  process.exit(1);
}
