import { textValue, type Attribute } from '../../graph/model.js';
import { splitGlobList } from '../../../core/glob.js';
import { contextFileProblem, contextUrlProblem } from '../../graph/context-sources.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintContext, LintRule } from '../lint-rule.js';

const checked = [
  { key: 'context.files', problem: contextFileProblem, fix: 'context.files="src/**/*.ts, README.md"' },
  { key: 'context.urls', problem: contextUrlProblem, fix: 'context.urls="https://example.com/spec.md"' },
] as const;

/** Each entry of `context.files` is a glob inside the working directory; each of `context.urls` an http(s) URL. */
export const contextSourcesRule: LintRule = {
  name: 'context_sources',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      for (const { key, problem, fix } of checked) {
        const attr = node.attrs[key];
        if (attr !== undefined) diagnostics.push(...entryDiagnostics(attr, problem, ctx).map((d) => ({ ...d, nodeId: node.id, message: `${key} of node ${node.id}: ${d.message}`, fix })));
      }
    }
    return diagnostics;
  },
};

function entryDiagnostics(attr: Attribute, problem: (entry: string) => string | undefined, ctx: LintContext): Diagnostic[] {
  const locate = ctx.locateInValue(attr);
  return splitGlobList(textValue(attr.value)).flatMap((entry) => {
    const message = problem(entry.value);
    return message === undefined ? [] : [{ rule: 'context_sources', severity: 'error' as const, message, loc: locate(entry.offset) ?? attr.loc }];
  });
}
