import type { ApiDeps, Operation } from '../../services/api/index.js';
import { requireKnownProject } from '../../services/api/index.js';

/** The header `orchestra mcp` sends with the project it was started in (an agent's working copy). */
export const projectHeader = 'x-orchestra-project';

/**
 * A tool call's arguments with `project` filled in from the project the stdio bridge was started
 * in, when the tool takes one and the agent left it out: an agent working in a project need not
 * know its absolute path. Only a project this Orchestra serves is filled in, and the handler checks
 * it again as if the agent had named it; otherwise the arguments stay as sent.
 */
export function withDefaultProject(op: Operation, args: unknown, project: string | undefined, deps: Pick<ApiDeps, 'projects'>): unknown {
  if (project === undefined || !takesProject(op)) return args;
  const given = (args ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given) || given.project !== undefined || given.worktree !== undefined) return args;
  try {
    return { ...given, project: requireKnownProject(deps, project) };
  } catch {
    return args;
  }
}

function takesProject(op: Operation): boolean {
  const shape = (op.input as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && Object.hasOwn(shape, 'project');
}
