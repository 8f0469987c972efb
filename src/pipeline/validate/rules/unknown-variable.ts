import { textValue } from '../../graph/model.js';
import { findVariableReferences } from '../../transforms/index.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

/**
 * `$name` left in a prompt after expansion: not `$goal`, not a run variable, not `${context.x}` or
 * `$workspace.<repo>` (expanded at run time). It stays as written, which is sometimes meant (`$HOME`), hence INFO (decision 26).
 */
export const unknownVariableRule: LintRule = {
  name: 'unknown_variable',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs['prompt'];
      if (!attr) continue;
      const seen = new Set<string>();
      for (const ref of findVariableReferences(textValue(attr.value))) {
        if (seen.has(ref.name) || ref.name === 'goal' || ref.name.startsWith('context.') || ref.name.startsWith('workspace.') || Object.hasOwn(ctx.variables, ref.name)) continue;
        seen.add(ref.name);
        diagnostics.push({
          rule: 'unknown_variable',
          severity: 'info',
          message: `The prompt of node ${node.id} uses ${ref.text}, which is not a run variable; it is left as written.`,
          loc: attr.loc,
          nodeId: node.id,
          fix: `pass it when running: orchestra run ${graph.file} ${ref.name}=...`,
        });
      }
    }
    return diagnostics;
  },
};
