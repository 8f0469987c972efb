import { resolve } from 'node:path';
import { ExitCode } from '../../core/index.js';
import { createDefaultRegistry } from '../../engine/handlers/index.js';
import { startRun } from '../../engine/runner.js';
import { authenticateLocal } from '../../services/auth/index.js';
import type { CommandContext } from '../command-context.js';
import { countSeverities, formatCounts, formatDiagnosticsText } from '../output/diagnostics.js';
import { loadCliPipeline } from '../load-pipeline.js';
import { resolveOutputMode } from '../output/progress-printer.js';
import { openCliStore } from '../store-location.js';
import { refuseUnmetNeeds } from '../run-preflight.js';
import { checkGatePeople } from '../gates/cli-gate-tasks.js';
import { parseVariables } from '../variables.js';
import { driveRun, isNewRunId, refuseDetachedAs, runOptionsOf } from './drive-run.js';

export interface RunOptions {
  simulate?: boolean;
  autoApprove?: boolean;
  logs?: string;
  quiet?: boolean;
  json?: boolean;
  /** Progress on one line rewritten in place (a terminal); elsewhere like the default output. */
  singleLine?: boolean;
  /** Run in a background process that needs no terminal, and print the run id. */
  detach?: boolean;
  /** Hidden: this process is `--detach`'s child, running as this run id with nobody at a terminal. */
  detachedAs?: string;
  /** The tenant the run (and its gates' human tasks) belong to; default ORCHESTRA_TENANT, else `default`. */
  tenant?: string;
  /**
   * Hidden: the DOT text is read from this file, while FILE names where the pipeline lives (its
   * folder is the base of relative paths and where orchestra.yaml is looked up): a run the API
   * started from DOT text (issue 12), its text kept in the run directory.
   */
  sourceFile?: string;
}

/** `orchestra run FILE [key=value ...]`: validate, then run with progress on the terminal. */
export async function runCommand(ctx: CommandContext, file: string, variableArgs: readonly string[], options: RunOptions): Promise<number> {
  const { io } = ctx;
  if (!isNewRunId(options.detachedAs)) return refuseDetachedAs(io);
  const variables = parseVariables(variableArgs);
  const mode = resolveOutputMode(options);
  const registry = createDefaultRegistry();
  const { diagnostics, source, path, shownAs, graph } = await loadCliPipeline(io, file, { variables, knownHandlerTypes: registry.types(), ...(options.sourceFile !== undefined && { sourceFile: options.sourceFile }) });
  const counts = countSeverities(diagnostics);
  // Errors always show; warnings unless --quiet; notes (info) only in `compile`.
  const shown = diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && mode !== 'quiet'));
  io.stderr.write(formatDiagnosticsText(shown));
  if (counts.errors > 0) {
    io.stderr.write(`Not started: ${shownAs} has ${formatCounts(counts)}. Check it with \`orchestra compile ${shownAs}\`.\n`);
    return ExitCode.FAILED;
  }
  const scope = authenticateLocal({ ...(options.tenant !== undefined && { flag: options.tenant }), env: io.env });
  const settings = { mode, simulate: options.simulate === true, autoApprove: options.autoApprove === true, scope };
  if (!settings.simulate) {
    const refused = await refuseUnmetNeeds(ctx, graph, path, shownAs);
    if (refused !== undefined) return refused;
  }
  await checkGatePeople(io, graph, path);
  if (options.detach === true) {
    const { detachRun } = await import('./run-detach.js');
    return detachRun(ctx, { ...settings, tenant: scope.tenant, path, variableArgs, json: mode === 'json', quiet: mode === 'quiet', ...(options.logs !== undefined && { logs: options.logs }) });
  }
  const { store, location } = await openCliStore(io.env);
  try {
    const detached = options.detachedAs;
    return await driveRun(ctx, { ...settings, store, location, registry, pipelineFile: path, terminal: detached === undefined }, (engine) =>
      startRun(
        {
          file: path,
          source,
          variables,
          options: runOptionsOf(settings),
          ...(options.logs !== undefined && { logsRoot: resolve(io.cwd, options.logs) }),
          ...(detached !== undefined && { runId: detached }),
          tenant: scope.tenant,
        },
        engine,
      ),
    );
  } finally {
    await store.close();
  }
}
