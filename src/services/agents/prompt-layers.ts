import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { ResolvedAgent } from '../../config/index.js';
import type { AgentView, PromptLayerView } from './schemas.js';

const layerKinds = ['role', 'persona', 'personality', 'task'] as const;

/** A preview reads at most this much of a layer file: enough for its first lines, never a whole large file. */
const previewBytes = 4_096;
const previewLines = 6;

export function agentViews(agents: Readonly<Record<string, ResolvedAgent>>): AgentView[] {
  return Object.values(agents).map((agent) => ({
    name: agent.name,
    backend: agent.backend ?? null,
    cli: agent.cli ?? null,
    model: agent.model ?? null,
    provider: agent.provider ?? null,
    layers: layerKinds.filter((kind) => agent[kind] !== undefined),
  }));
}

/**
 * Every prompt layer the project's agents name, with its first lines. A layer file that really
 * lies outside the project (a `..` path or a symlink out) is listed by path but not read: the API
 * shows only the project's own files.
 */
export async function promptLayerViews(project: string, agents: Readonly<Record<string, ResolvedAgent>>): Promise<PromptLayerView[]> {
  const views: PromptLayerView[] = [];
  for (const agent of Object.values(agents)) {
    for (const kind of layerKinds) {
      const file = agent[kind];
      if (file === undefined) continue;
      views.push({ agent: agent.name, kind, file: shownPath(project, file), preview: await previewOf(project, file) });
    }
  }
  return views;
}

/** `path` relative to the project with `/` separators; absolute when it lies outside. */
export function shownPath(project: string, path: string): string {
  const rel = relative(project, path);
  return insideRel(rel) ? rel.split(sep).join('/') : path;
}

function insideRel(rel: string): boolean {
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The first lines of the file, trailing blanks dropped; empty when it is outside the project or unreadable. */
async function previewOf(project: string, file: string): Promise<string[]> {
  try {
    const real = await realpath(file);
    if (!insideRel(relative(project, real))) return [];
    const handle = await open(real, 'r');
    try {
      const buffer = Buffer.alloc(previewBytes);
      const { bytesRead } = await handle.read(buffer, 0, previewBytes, 0);
      return firstLines(buffer.subarray(0, bytesRead).toString('utf8'), previewLines);
    } finally {
      await handle.close();
    }
  } catch {
    return [];
  }
}

export function firstLines(text: string, count: number): string[] {
  const lines = text.split(/\r?\n/).slice(0, count);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}
