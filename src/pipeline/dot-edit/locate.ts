import type { CstBody, CstEdgeStatement, CstFile, CstNodeStatement, CstStatement } from './cst.js';
import { DotEditError } from './errors.js';

/** Every statement, subgraphs' included, in the order the file writes them. */
export function allStatements(body: CstBody): CstStatement[] {
  const out: CstStatement[] = [];
  for (const statement of body.statements) {
    out.push(statement);
    if (statement.kind === 'subgraph') out.push(...allStatements(statement.body));
  }
  return out;
}

export function nodeStatements(file: CstFile, id: string): CstNodeStatement[] {
  return allStatements(file.body).filter((s): s is CstNodeStatement => s.kind === 'node' && s.node.id === id);
}

export function edgeStatements(file: CstFile): CstEdgeStatement[] {
  return allStatements(file.body).filter((s): s is CstEdgeStatement => s.kind === 'edge');
}

/** Declared by a statement or named by an edge. */
export function nodeExists(file: CstFile, id: string): boolean {
  return nodeStatements(file, id).length > 0 || edgeStatements(file).some((edge) => edge.nodes.some((ref) => ref.id === id));
}

export function requireNode(file: CstFile, id: string): void {
  if (!nodeExists(file, id)) throw new DotEditError(`There is no node "${id}" in the pipeline`, 'Pick a node the graph shows, or add it first.');
}

/** One hop of an edge statement: `statement.nodes[index] -> statement.nodes[index + 1]`. */
export interface Hop {
  id: string;
  statement: CstEdgeStatement;
  index: number;
}

/** Hops with the ids readEditorGraph gives them (`from->to#n`, n counting repeats of the pair). */
export function hopsOf(file: CstFile): Hop[] {
  const counts = new Map<string, number>();
  const hops: Hop[] = [];
  for (const statement of edgeStatements(file)) {
    for (let index = 0; index + 1 < statement.nodes.length; index++) {
      const pair = `${statement.nodes[index]!.id}->${statement.nodes[index + 1]!.id}`;
      const n = counts.get(pair) ?? 0;
      counts.set(pair, n + 1);
      hops.push({ id: `${pair}#${n}`, statement, index });
    }
  }
  return hops;
}

export function requireHop(file: CstFile, edgeId: string): Hop {
  const hop = hopsOf(file).find((candidate) => candidate.id === edgeId);
  if (hop === undefined) throw new DotEditError(`There is no edge "${edgeId}" in the pipeline`, 'Edge ids are from->to#n as readEditorGraph gives them; read the graph again after each edit.');
  return hop;
}

export function topStatements<K extends CstStatement['kind']>(file: CstFile, ...kinds: K[]): Extract<CstStatement, { kind: K }>[] {
  return file.body.statements.filter((s): s is Extract<CstStatement, { kind: K }> => (kinds as string[]).includes(s.kind));
}
