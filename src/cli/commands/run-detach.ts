import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode } from '../../core/index.js';
import { createRunId } from '../../core/ids.js';
import { awaitDetachedStart, spawnDetachedOrchestra } from '../../server/runs/detached-process.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { openCliStore } from '../store-location.js';

export interface DetachRequest {
  /** The validated DOT file (absolute). */
  path: string;
  variableArgs: readonly string[];
  simulate: boolean;
  autoApprove: boolean;
  logs?: string;
  json: boolean;
  quiet: boolean;
  /** The run's tenant, passed on to the child (`--tenant`). */
  tenant: string;
}

/**
 * `orchestra run FILE --detach`: runs the pipeline in a child process that needs no terminal
 * (`run … --detached-as ID`: its gates wait for their human tasks only), writes its output to
 * `detached.log` in the run directory, and returns once the run is recorded, printing its id.
 * It starts the user's daemon first when none runs: with no terminal waiting, the daemon is what
 * fires the gate's SLA escalations, sends its notifications and carries the run on should its
 * process die (src/server/human-work).
 */
export async function detachRun(ctx: CommandContext, request: DetachRequest): Promise<number> {
  const { io } = ctx;
  (await connectDaemon(ctx)).close();
  const { store, location } = await openCliStore(io.env);
  try {
    const runId = createRunId();
    const logsRoot = request.logs !== undefined ? resolve(io.cwd, request.logs) : join(location.runsDir, runId);
    mkdirSync(logsRoot, { recursive: true, mode: 0o700 });
    const logFile = join(logsRoot, 'detached.log');
    const args = [
      'run', request.path, ...request.variableArgs, '--quiet', '--detached-as', runId, '--logs', logsRoot,
      ...(request.simulate ? ['--simulate'] : []),
      ...(request.autoApprove ? ['--auto-approve'] : []),
      '--tenant', request.tenant,
    ];
    const child = spawnDetachedOrchestra(args, { cwd: io.cwd, env: io.env, logFile });
    if (!(await awaitDetachedStart(child, async () => (await store.getRun(runId)) !== undefined))) {
      const exited = child.exitCode();
      io.stderr.write(`The detached run did not start${exited !== undefined ? ` (its process exited with ${String(exited)})` : ''}. See ${logFile}.\n`);
      return ExitCode.FAILED;
    }
    if (request.json) io.stdout.write(`${JSON.stringify({ runId, logsRoot, log: logFile, pid: child.pid })}\n`);
    else if (request.quiet) io.stdout.write(`${runId}\n`);
    else io.stdout.write(`Run ${runId} started in the background (output: ${logFile}). Follow it: orchestra attach ${runId}; list runs: orchestra runs\n`);
    return ExitCode.OK;
  } finally {
    await store.close();
  }
}
