import type { Attribute, Graph } from '../graph/model.js';
import { textValue } from '../graph/model.js';
import { matchStyle, parseStylesheet, type Stylesheet } from '../stylesheet/index.js';
import { mapNodes, withNodeAttributes } from './map-nodes.js';
import type { Transform } from './transform.js';

/**
 * Applies the graph's `model_stylesheet` (digest §16): fills llm_model, llm_provider and
 * reasoning_effort on nodes that lack them. A stylesheet that does not parse is left alone here;
 * the `stylesheet_syntax` lint rule reports it, so preparing never throws for it.
 */
export function createStylesheetTransform(): Transform {
  return {
    name: 'stylesheet',
    apply(graph: Graph): Graph {
      const source = graph.attrs['model_stylesheet'];
      if (!source) return graph;
      let stylesheet: Stylesheet;
      try {
        stylesheet = parseStylesheet(textValue(source.value));
      } catch {
        return graph;
      }
      if (stylesheet.rules.length === 0) return graph;
      return mapNodes(graph, (node) => {
        const added: Attribute[] = [];
        for (const [property, declaration] of Object.entries(matchStyle(stylesheet, node))) {
          if (declaration && node.attrs[property] === undefined) {
            added.push({ key: property, value: { kind: 'string', value: declaration.value }, loc: source.loc });
          }
        }
        return withNodeAttributes(node, added);
      });
    },
  };
}
