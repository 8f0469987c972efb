import { isAbsolute, join, resolve } from 'node:path';
import { reservedVariableReason } from '../../../core/reserved-variables.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../handler.js';

// Names a shell can expand; other run variables could not be referenced from `tool_command` anyway.
const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where the tool handler writes the node's expanded `prompt` (issue 9: `ATTRACTOR_PROMPT_FILE`). */
export const toolPromptFileName = 'prompt.txt';

/**
 * The tool's environment (decision 7): the process environment, then the run variables, then the
 * ORCHESTRA_* variables and the ATTRACTOR_* names other Attractor engines give their tools, so their
 * pipelines run unchanged. Commands take parameters from here, never from text spliced into them.
 */
export function toolEnvironment(input: Pick<HandlerInput, 'run' | 'node' | 'stageDir' | 'graph' | 'context'>, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [name, value] of Object.entries(input.run.variables)) {
    // Runs with reserved names are refused when they start (issue 8.6); the sink checks as well.
    if (envName.test(name) && reservedVariableReason(name) === undefined) env[name] = value;
  }
  env.ORCHESTRA_RUN_ID = input.run.id;
  env.ORCHESTRA_NODE_ID = input.node.id;
  env.ORCHESTRA_STAGE_DIR = input.stageDir;
  env.ORCHESTRA_GOAL = readString(input.graph.attrs, 'goal') ?? input.context.getString('graph.goal');
  env.ATTRACTOR_NODE_ID = input.node.id;
  env.ATTRACTOR_STAGE_DIR = input.stageDir;
  env.ATTRACTOR_LOGS_ROOT = input.run.logsRoot;
  env.ATTRACTOR_PROMPT_FILE = join(input.stageDir, toolPromptFileName);
  for (const [repo, path] of Object.entries(input.run.workspace?.paths ?? {})) env[workspaceEnvName(repo)] = path;
  return env;
}

/** `ORCHESTRA_WORKSPACE_<REPO>` (issue 14): the repo's name upper-cased, anything but letters and digits as `_`. */
export function workspaceEnvName(repo: string): string {
  return `ORCHESTRA_WORKSPACE_${repo.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * The graph's `working_directory`, relative to the DOT file's directory; that directory when unset
 * (decision 7). With a workspace (issue 14) the primary worktree takes the DOT file's directory's place.
 */
export function toolWorkingDirectory(input: Pick<HandlerInput, 'run' | 'graph'>): string {
  const base = input.run.workspace?.primary ?? input.run.baseDir;
  const configured = readString(input.graph.attrs, 'working_directory')?.trim();
  if (!configured) return base;
  return isAbsolute(configured) ? configured : resolve(base, configured);
}
