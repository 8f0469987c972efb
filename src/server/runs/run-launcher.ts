import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { isRunStale, type RunLaunch, type RunLauncher } from '../../services/runs/index.js';
import { defaultRunsDir } from '../../store/home.js';
import type { Store } from '../../store/store.js';
import { awaitDetachedStart, spawnDetachedOrchestra } from './detached-process.js';

export interface RunLauncherOptions {
  store: Store;
  /** ORCHESTRA_HOME: the runs' directories are `<home>/runs/<run id>`, as `orchestra run`'s. */
  home: string;
  /** This process's environment (the user's): the runs' processes get it, never a caller's. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * ApiDeps.runs for the daemon (issue 12): each run is driven by the detached process `orchestra run
 * --detach` spawns (`run … --detached-as ID`, `resume … --detached`, `replay … --detached-as ID`),
 * its output in `detached.log` in its run directory; its gates wait for their human tasks, and the
 * daemon carries it on once one is answered. Resolves once the process took the run.
 */
export function createRunLauncher(options: RunLauncherOptions): RunLauncher {
  const env = childEnv(options);
  return {
    async launch(request) {
      const logsRoot = request.kind === 'resume' ? (await options.store.getRun(request.runId))!.logsRoot : join(defaultRunsDir(options.home), request.runId);
      mkdirSync(logsRoot, { recursive: true, mode: 0o700 });
      const logFile = join(logsRoot, 'detached.log');
      // A resumed run's log holds its earlier processes' output: only this one's counts.
      const from = sizeOf(logFile);
      const child = spawnDetachedOrchestra(argsFor(request, logsRoot), { cwd: request.kind === 'start' ? request.project : logsRoot, env, logFile });
      if (!(await awaitDetachedStart(child, () => took(options.store, request)))) throw notStarted(request.runId, logFile, from, child.exitCode());
    },
  };
}

function argsFor(request: RunLaunch, logsRoot: string): string[] {
  switch (request.kind) {
    case 'start': {
      const variables = Object.entries(request.variables).map(([name, value]) => `${name}=${value}`);
      // DOT text is kept in the run directory; the file named is where it is said to live.
      const text = request.source === undefined ? [] : ['--source-file', writeRunFile(logsRoot, 'source.dot', request.source)];
      return ['run', request.file, ...variables, '--quiet', '--detached-as', request.runId, '--logs', logsRoot, '--tenant', request.tenant, ...text, ...(request.simulate ? ['--simulate'] : [])];
    }
    case 'resume':
      return ['resume', request.runId, '--quiet', '--detached'];
    case 'replay':
      return [
        'replay', request.from, '--checkpoint', String(request.checkpoint), '--quiet', '--detached-as', request.runId, '--logs', logsRoot,
        ...(request.context === undefined ? [] : ['--context-file', writeRunFile(logsRoot, 'replay-context.json', JSON.stringify(request.context))]),
      ];
  }
}

/** A file the run's process reads (DOT text, a replay's context), kept in the run directory. */
function writeRunFile(logsRoot: string, name: string, text: string): string {
  const file = join(logsRoot, name);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** Whether the process took the run: a new run is recorded; a resumed one runs under a live lease. */
async function took(store: Store, request: RunLaunch): Promise<boolean> {
  const run = await store.getRun(request.runId);
  if (request.kind !== 'resume' || run === undefined) return run !== undefined;
  if (run.state === 'completed' || run.state === 'failed') return true;
  return run.state === 'running' && !isRunStale(run, await store.getLease(run.id), Date.now());
}

/** The tenant and the person come from the request (`--tenant`; gates wait for their tasks), never from this process. */
function childEnv(options: RunLauncherOptions): Record<string, string | undefined> {
  const { ORCHESTRA_TENANT: _tenant, ORCHESTRA_USER: _user, ...rest } = options.env;
  return { ...rest, ORCHESTRA_HOME: options.home };
}

/** The process's own error (`error[E_…]: …` in its log) when it printed one, else E_DAEMON pointing at the log. */
function notStarted(runId: string, logFile: string, from: number, exitCode: number | null | undefined): OrchestraError {
  const match = /error\[(E_[A-Z_]+)\]: (.*)/.exec(readFrom(logFile, from));
  const code = Object.values(ErrorCode).find((known) => known === match?.[1]);
  if (code !== undefined && match) return new OrchestraError(code, match[2]!, { hint: `The run's process wrote ${logFile}.` });
  const why = exitCode === undefined ? 'did not take it in time' : `exited with ${String(exitCode)}`;
  return new OrchestraError(ErrorCode.DAEMON, `Run ${runId} did not start: its process ${why}.`, { hint: `See ${logFile}.` });
}

function readFrom(file: string, offset: number): string {
  try {
    return readFileSync(file).subarray(offset, offset + 65_536).toString('utf8');
  } catch {
    return '';
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
