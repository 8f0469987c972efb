import { dirname } from 'node:path';
import { checkRunNeeds } from '../agents/router/index.js';
import { loadConfig } from '../config/index.js';
import type { Graph } from '../pipeline/index.js';
import type { CommandContext } from './command-context.js';
import { printError } from './output/print-error.js';

/**
 * Before `run` creates a run (a store row, a run directory): every provider key and agent CLI the
 * pipeline's nodes will use must be there. Prints each problem as `doctor` and the backends word
 * it, and returns the exit code of the first; undefined when the run may start.
 */
export async function refuseUnmetNeeds(ctx: CommandContext, graph: Graph, pipelineFile: string, shownAs: string): Promise<number | undefined> {
  const { io } = ctx;
  const { config } = await loadConfig({ startDir: dirname(pipelineFile), env: io.env });
  const problems = checkRunNeeds({ graph, pipelineFile, config, env: io.env });
  if (problems.length === 0) return undefined;
  const codes = problems.map((problem) => printError(problem, { stderr: io.stderr, cwd: io.cwd, palette: ctx.err }));
  io.stderr.write(`Not started: ${shownAs} needs what is missing above. \`orchestra doctor\` checks keys and agent CLIs; --simulate runs without them.\n`);
  return codes[0];
}
