import { FIDELITY_MODES } from '../../attributes/attribute-spec.js';
import { textValue, type Attribute } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

const modes: ReadonlySet<string> = new Set(FIDELITY_MODES);

/** Node and edge `fidelity` and graph `default_fidelity` name one of the six modes (digest §18). */
export const fidelityValidRule: LintRule = {
  name: 'fidelity_valid',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    const check = (attr: Attribute | undefined, owner: string, extra: Partial<Diagnostic>) => {
      if (!attr || modes.has(textValue(attr.value))) return;
      diagnostics.push({
        rule: 'fidelity_valid',
        severity: 'warning',
        message: `${owner} has ${attr.key} "${textValue(attr.value)}", which is not a fidelity mode.`,
        loc: attr.loc,
        fix: `use one of ${FIDELITY_MODES.join(', ')}`,
        ...extra,
      });
    };
    check(graph.attrs['default_fidelity'], 'The graph', {});
    for (const node of graph.nodes.values()) check(node.attrs['fidelity'], `Node ${node.id}`, { nodeId: node.id });
    for (const edge of graph.edges) {
      check(edge.attrs['fidelity'], `Edge ${edge.from} -> ${edge.to}`, { edge: { from: edge.from, to: edge.to } });
    }
    return diagnostics;
  },
};
