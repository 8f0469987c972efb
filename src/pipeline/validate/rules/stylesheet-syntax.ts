import { isOrchestraError } from '../../../core/errors.js';
import { textValue } from '../../graph/model.js';
import { parseStylesheet } from '../../stylesheet/index.js';
import type { LintRule } from '../lint-rule.js';

/** The graph's `model_stylesheet` parses (digest §16); the position points into the DOT file. */
export const stylesheetSyntaxRule: LintRule = {
  name: 'stylesheet_syntax',
  apply(graph, ctx) {
    const attr = graph.attrs['model_stylesheet'];
    if (!attr) return [];
    try {
      parseStylesheet(textValue(attr.value), { locate: ctx.locateInValue(attr) });
      return [];
    } catch (error) {
      if (!isOrchestraError(error)) throw error;
      return [
        {
          rule: 'stylesheet_syntax',
          severity: 'error',
          message: error.message,
          loc: error.location ?? attr.loc,
          fix: error.hint,
        },
      ];
    }
  },
};
