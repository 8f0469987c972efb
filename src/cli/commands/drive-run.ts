import { ExitCode } from '../../core/index.js';
import { createDefaultRegistry } from '../../engine/handlers/index.js';
import type { HandlerRegistry } from '../../engine/handler.js';
import type { EngineOptions, RunHandle } from '../../engine/runner.js';
import { createAbsentInterviewer, createAutoApproveInterviewer, createConsoleInterviewer } from '../../humans/interviewers/index.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import type { Store } from '../../store/store.js';
import type { RunRecord } from '../../store/types.js';
import { chooseBackend } from '../backend-choice.js';
import type { CommandContext } from '../command-context.js';
import { cliGateTasks } from '../gates/cli-gate-tasks.js';
import { createInterrupts } from '../interrupt.js';
import { createCliLogger } from '../output/cli-logger.js';
import { createProgressPrinter } from '../output/progress-printer.js';
import type { OutputMode } from '../output/progress-printer.js';
import { exitCodeForEnding } from '../output/result-line.js';
import type { StoreLocation } from '../store-location.js';
import { cliRunWorkflows } from './run-workflows.js';
import { cliRunWorkspaces } from './run-workspaces.js';

export interface DriveSettings {
  store: Store;
  location: StoreLocation;
  mode: OutputMode;
  simulate: boolean;
  autoApprove: boolean;
  /** The DOT file: orchestra.yaml is looked up from its directory. */
  pipelineFile: string;
  registry?: HandlerRegistry;
  /** False when nobody is at a terminal (`run --detach`'s child): gates wait for their tasks only. */
  terminal?: boolean;
  /** The run's tenant (`run`: the caller's; `resume`/`replay`: the one stored with the run). */
  scope: TenantScope;
}

/** `--detached-as` (`run`, `replay`): absent, or a new run id its parent chose (16 lowercase letters or digits). */
export function isNewRunId(value: string | undefined): boolean {
  return value === undefined || /^[0-9a-z]{16}$/.test(value);
}

export function refuseDetachedAs(io: Pick<CommandContext['io'], 'stderr'>): number {
  io.stderr.write(`Not started: --detached-as takes a new run id (16 lowercase letters or digits).\n`);
  return ExitCode.USAGE;
}

/** The options a run keeps in its record so that `resume` and `replay` behave like the first run. */
export function runOptionsOf(settings: Pick<DriveSettings, 'simulate' | 'autoApprove'>): Record<string, unknown> {
  return { simulate: settings.simulate, autoApprove: settings.autoApprove };
}

/** `resume`/`replay` flags: what the user gave now, else what the run started with. */
export function flagsForStoredRun(
  run: Pick<RunRecord, 'options'>,
  given: { simulate?: boolean; autoApprove?: boolean },
): Pick<DriveSettings, 'simulate' | 'autoApprove'> {
  return {
    simulate: given.simulate === true || run.options.simulate === true,
    autoApprove: given.autoApprove === true || run.options.autoApprove === true,
  };
}

/**
 * Shared by `run`, `resume` and `replay`: wires the engine to the terminal (backend, interviewer,
 * progress, Ctrl-C), starts the run through `start`, and turns its result into an exit code.
 */
export async function driveRun(ctx: CommandContext, settings: DriveSettings, start: (engine: EngineOptions) => Promise<RunHandle>): Promise<number> {
  const { io } = ctx;
  const quiet = settings.mode === 'quiet';
  const logger = createCliLogger(io, { quiet });
  const backend = await chooseBackend({ simulate: settings.simulate, pipelineFile: settings.pipelineFile, env: io.env, logger }, (message) => {
    if (!quiet) io.stderr.write(`${message}\n`);
  });
  // Questions must reach a person even with --quiet/--json, without mixing into JSON on stdout.
  const atTerminal = settings.terminal !== false && !settings.autoApprove;
  const consoleInterviewer = !atTerminal ? undefined : createConsoleInterviewer({ input: io.stdin, output: settings.mode === 'human' || settings.mode === 'single-line' ? io.stdout : io.stderr });
  const interviewer = consoleInterviewer ?? (settings.autoApprove ? createAutoApproveInterviewer() : createAbsentInterviewer(io.stderr));
  const humanTasks = await cliGateTasks(io, settings);
  const workspaces = await cliRunWorkspaces(io, settings, logger);
  const workflows = await cliRunWorkflows(io, settings, backend, logger, workspaces);
  const columns = (io.stdout as { columns?: number }).columns;
  const printer = createProgressPrinter(io.stdout, settings.mode, ctx.out, { showQuestions: false, ...(columns !== undefined && { columns }) });
  // The live line's clock: once a second it redraws elapsed times (unref: it never holds the process).
  const ticker = setInterval(printer.tick, 1_000);
  ticker.unref();
  const interrupts = createInterrupts(io, 'Interrupting: the run stops after saving its state');
  try {
    const handle = await start({
      store: settings.store,
      backend,
      interviewer,
      humanTasks,
      workflows,
      ...(workspaces && { workspaces }),
      registry: settings.registry ?? createDefaultRegistry(),
      onEvent: printer.onEvent,
      signal: interrupts.signal,
      runsDir: settings.location.runsDir,
      logger,
    });
    const result = await handle.result();
    printer.finish(result);
    return exitCodeForEnding(result.state);
  } finally {
    clearInterval(ticker);
    interrupts.dispose();
    // Stop reading stdin so that it cannot keep the process alive.
    consoleInterviewer?.close();
  }
}
