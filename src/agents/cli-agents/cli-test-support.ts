import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceLocation } from '../../core/source-location.js';
import type { AttrValue, Graph, GraphNode } from '../../pipeline/graph/model.js';
import type { AgentRequest } from '../backend.js';

// Test-only builders; the engine's graph builders live in a higher layer this one may not import.
const loc: SourceLocation = { file: '<test>', line: 1, column: 1 };
export const str = (value: string): AttrValue => ({ kind: 'string', value });

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `orchestra-cli-${prefix}-`));
}

/** A request for node `id` whose graph lives in `workDir` (so the CLI runs there). */
export function cliRequest(workDir: string, id: string, attrs: Record<string, AttrValue> = {}, overrides: Partial<AgentRequest> = {}): AgentRequest {
  const node: GraphNode = { id, attrs: Object.fromEntries(Object.entries(attrs).map(([key, value]) => [key, { key, value, loc }])), classes: [], subgraphs: [], loc, implicit: false };
  const graph: Graph = { name: 'g', file: join(workDir, 'pipeline.dot'), attrs: {}, nodes: new Map([[id, node]]), edges: [], loc };
  return {
    node, graph, prompt: 'Do the work', context: {}, fidelity: 'compact', threadId: undefined, preamble: '',
    stageDir: join(workDir, 'logs', id), runId: 'run-1', attempt: 1, signal: new AbortController().signal, ...overrides,
  };
}

/** An executable shell script standing in for a CLI. */
export function fakeCli(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Alive means the process exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try {
    const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '').split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Resolves once `read()` returns a value, failing after `deadlineMs` (no fixed sleeps). */
export async function eventually<T>(read: () => T | undefined, deadlineMs: number, what: string): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
