import { dirname } from 'node:path';
import type { z } from 'zod';
import { checkRunNeeds } from '../../agents/router/index.js';
import { loadConfig } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { createRunId } from '../../core/ids.js';
import { reservedVariableReason } from '../../core/reserved-variables.js';
import type { TenantScope } from '../../core/tenant-scope.js';
import { checkGateAssignees } from '../../engine/handlers/wait-human/gate-assignees.js';
import type { ApiDeps } from '../api/deps.js';
import { checkPipeline, invalidPipeline, readNamedPipeline } from '../pipelines/index.js';
import type { startRunInput } from './schemas.js';

/**
 * Starts a run the daemon drives (issue 12): checks what `orchestra run` checks before it creates
 * anything (variables, the pipeline, the keys and agent CLIs it needs unless simulated, the people
 * its gates name), then hands it to the launcher and returns its id once its process recorded it.
 * The run is in the caller's tenant; its gates become human tasks there (runs.answer answers them).
 */
export async function startRun(deps: Pick<ApiDeps, 'projects' | 'env' | 'runs'>, scope: TenantScope, input: z.output<typeof startRunInput>): Promise<{ runId: string }> {
  refuseReservedNames(input.variables);
  const named = await readNamedPipeline(deps, input);
  const checked = checkPipeline(named.source, named.shownAs, input.variables);
  if (!checked.ok || checked.graph === undefined) throw invalidPipeline(checked);
  const { config } = await loadConfig({ startDir: dirname(named.path), env: deps.env });
  if (!input.simulate) {
    const [problem] = checkRunNeeds({ graph: checked.graph, pipelineFile: named.path, config, env: deps.env });
    if (problem !== undefined) throw problem;
  }
  checkGateAssignees(checked.graph, config.people);
  const runId = createRunId();
  await deps.runs.launch({
    kind: 'start',
    runId,
    file: named.path,
    ...(input.source !== undefined && { source: input.source }),
    variables: input.variables,
    simulate: input.simulate,
    tenant: scope.tenant,
    project: named.project!,
  });
  return { runId };
}

/** A reserved variable name (PATH, HOME…) is E_VARIABLE naming the field, before anything is read. */
function refuseReservedNames(variables: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(variables)) {
    const why = reservedVariableReason(name);
    if (why === undefined) continue;
    throw new OrchestraError(ErrorCode.VARIABLE, `variables.${name}: a reserved name (${why}).`, {
      hint: `Give it another name, such as run_${name.toLowerCase()}.`,
      fields: [{ field: `variables.${name}`, message: `a reserved name (${why})` }],
    });
  }
}
