import { didYouMean } from '../../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import type { LoadedWorkflow, WorkflowRegistry } from './load-workflows.js';

/**
 * The workflow called `name`, or the reason there is none: the problem of a name defined twice,
 * else E_WORKFLOW_NOT_FOUND listing the names that exist (with a "did you mean").
 */
export function requireWorkflow(registry: WorkflowRegistry, name: string): LoadedWorkflow {
  const found = registry.definitions.get(name);
  if (found !== undefined) return found;
  const conflict = registry.conflicts.get(name);
  if (conflict !== undefined) throw conflict;
  const names = [...registry.definitions.keys()].sort();
  const known = names.length === 0 ? 'The project defines no workflow.' : `Workflows: ${names.join(', ')}.`;
  const failed = registry.problems.length === 0 ? '' : ` ${plural(registry.problems.length, 'problem')} loading workflow files: the one you want may be in a file that did not load.`;
  throw new OrchestraError(ErrorCode.WORKFLOW_NOT_FOUND, `no workflow named "${name}".${didYouMean(name, names)}`, {
    hint: `${known}${failed} Workflows are exported from files in workflows/ (\`orchestra generate workflow ${name}\` makes one).`,
  });
}
