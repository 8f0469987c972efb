import { closestName, didYouMean } from '../../../core/closest-name.js';
import { SHAPE_TO_TYPE, knownShape } from '../../graph/node-kind.js';
import { textValue } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

const shapes = Object.keys(SHAPE_TO_TYPE);

/**
 * A `shape` that selects no handler runs the node as an LLM stage (spec §2.8): `shape=boxx` or
 * `shape=hexgon` would silently turn a tool or a human gate into a model call, so say so.
 */
export const shapeKnownRule: LintRule = {
  name: 'shape_known',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs.shape;
      const shape = attr ? textValue(attr.value) : '';
      if (!attr || knownShape(shape) !== undefined) continue;
      const guess = closestName(shape, shapes);
      diagnostics.push({
        rule: 'shape_known',
        severity: 'warning',
        message: `Node ${node.id} has shape "${shape}", which selects no handler, so it runs as an LLM stage (codergen).${didYouMean(shape, shapes)}`,
        loc: attr.loc,
        nodeId: node.id,
        fix: guess ? `shape=${guess}` : `use one of ${shapes.join(', ')}; box (or no shape) is an LLM stage`,
      });
    }
    return diagnostics;
  },
};
