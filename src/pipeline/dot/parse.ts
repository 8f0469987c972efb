import { buildGraph } from '../graph/build.js';
import type { Graph } from '../graph/model.js';
import { parseDotAst } from './parser.js';

/**
 * DOT source → Graph model. Throws OrchestraError E_DOT_SYNTAX (with location, source excerpt and a
 * hint) at the first syntax mistake. Semantic checks (start node, edge targets, ...) are validation's.
 */
export function parseDot(source: string, file: string): Graph {
  return buildGraph(parseDotAst(source, file), file);
}
