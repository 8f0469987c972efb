import { isAbsolute, dirname, resolve } from 'node:path';
import { realpath, stat } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import type { AgentRequest } from '../backend.js';

/**
 * Where the agent's tools work: the node's own `working_directory` (relative to the run's working
 * directory), else the run's (`request.workDir`, decision 7), else the DOT file's directory.
 * Returned as a real path so that confinement checks compare like with like.
 */
export async function agentWorkDir(request: Pick<AgentRequest, 'node' | 'graph' | 'workDir'>): Promise<string> {
  const base = request.workDir ?? dirname(resolve(request.graph.file));
  const own = readString(request.node.attrs, 'working_directory')?.trim();
  const chosen = own ? (isAbsolute(own) ? own : resolve(base, own)) : base;
  try {
    if ((await stat(chosen)).isDirectory()) return await realpath(chosen);
  } catch {
    // Reported below.
  }
  throw new OrchestraError(ErrorCode.CONFIG, `Node "${request.node.id}" would work in ${chosen}, which is not a directory.`, {
    hint: 'Create the directory, or set working_directory on the node or graph to one that exists.',
    location: request.node.attrs.working_directory?.loc,
  });
}
