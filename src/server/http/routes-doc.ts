import type { Operation } from '../../services/api/index.js';
import { tableCell, type GeneratedBlock } from '../docs/generated-block.js';

export const routesDocBlock: GeneratedBlock = {
  start: '<!-- generated: API routes (src/server/http/routes-doc.ts; `npm run docs:api-routes` rewrites it) -->',
  end: '<!-- end of generated API routes -->',
};

/**
 * The routes table of docs/api.md, from the operation table (issue 12): one row per operation with
 * its method, path, the access a token needs, the typed client's method and the MCP tool, so the
 * page lists exactly what the server serves. A test compares the page's block with it.
 */
export function renderRoutesDoc(operations: readonly Operation[]): string {
  const rows = operations.map((op) => {
    const marks = [...(op.destructive === true ? ['destructive'] : []), ...(op.idempotent === true ? ['idempotent'] : [])];
    const summary = marks.length > 0 ? `${op.summary} (${marks.join(', ')})` : op.summary;
    return `| \`${op.http.method.toUpperCase()}\` | \`${op.http.path}\` | ${op.access} | \`${op.name}\` | ${op.mcp === false ? '–' : `\`${op.mcp}\``} | ${tableCell(summary)} |`;
  });
  return [
    routesDocBlock.start,
    '',
    `${operations.length} operations.`,
    '',
    '| method | path | access | client / tRPC | MCP tool | summary |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    routesDocBlock.end,
  ].join('\n');
}
