import { dirname, isAbsolute, resolve } from 'node:path';
import { readDurationMs, readString, ownerOf } from '../../pipeline/graph/attr-read.js';
import type { AgentRequest } from '../backend.js';
import { profileModel, type CliProfile } from './profile.js';

/** The node's `cli` attribute, else the graph's, else the backend's default. */
export function profileNameFor(request: Pick<AgentRequest, 'node' | 'graph'>, fallback: string): string {
  return readString(request.node.attrs, 'cli')?.trim() || readString(request.graph.attrs, 'cli')?.trim() || fallback;
}

/**
 * The `{model}` for this node: `llm_model` (node, then graph); a tier goes through the profile's
 * `models`, and a tier the profile does not map leaves the CLI on its own default.
 */
export function modelFor(request: Pick<AgentRequest, 'node' | 'graph'>, profile: CliProfile): string | undefined {
  return profileModel(profile, readString(request.node.attrs, 'llm_model')?.trim() || readString(request.graph.attrs, 'llm_model'));
}

/** Where the CLI runs: the engine's `workDir`, else the graph's `working_directory` against the DOT file's directory. */
export function workDirFor(request: Pick<AgentRequest, 'graph' | 'workDir'>): string {
  if (request.workDir !== undefined) return request.workDir;
  const base = request.graph.file.startsWith('<') ? process.cwd() : dirname(resolve(request.graph.file));
  const configured = readString(request.graph.attrs, 'working_directory')?.trim();
  if (!configured) return base;
  return isAbsolute(configured) ? configured : resolve(base, configured);
}

/** The node's `timeout`, enforced here too so a CLI is stopped even outside the engine. */
export function timeoutMsFor(request: Pick<AgentRequest, 'node'>): number | undefined {
  return readDurationMs(request.node.attrs, 'timeout', ownerOf(request.node));
}
