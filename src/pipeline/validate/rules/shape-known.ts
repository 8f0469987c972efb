import { closestName, didYouMean } from '../../../core/closest-name.js';
import { SHAPE_TO_TYPE, knownShape } from '../../graph/node-kind.js';
import { textValue } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';

const shapes = Object.keys(SHAPE_TO_TYPE);

/**
 * Graphviz's own shapes. Written on purpose for the drawing, they run as LLM stages like `box`
 * (spec §2.8) and are not reported; anything else is most likely a typo of a handler shape.
 */
const graphvizShapes = new Set(
  `box polygon ellipse oval circle point egg triangle plaintext plain diamond trapezium parallelogram house pentagon hexagon
  septagon octagon doublecircle doubleoctagon tripleoctagon invtriangle invtrapezium invhouse mdiamond msquare mcircle rect
  rectangle square star none underline cylinder note tab folder box3d component promoter cds terminator utr primersite
  restrictionsite fivepoverhang threepoverhang noverhang assembly signature insulator ribosite rnastab proteasesite
  proteinstab rpromoter rarrow larrow lpromoter`.split(/\s+/),
);

/**
 * A `shape` that is neither a handler's nor Graphviz's runs the node as an LLM stage (spec §2.8): `shape=boxx` or
 * `shape=hexgon` would silently turn a tool or a human gate into a model call, so say so.
 */
export const shapeKnownRule: LintRule = {
  name: 'shape_known',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs.shape;
      const shape = attr ? textValue(attr.value) : '';
      if (!attr || knownShape(shape) !== undefined || graphvizShapes.has(shape.toLowerCase())) continue;
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
