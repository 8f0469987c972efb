export {
  StyleProperty,
  styleProperties,
  SelectorKind,
  selectorSpecificity,
  type StyleSelector,
  type StyleDeclaration,
  type StyleRule,
  type Stylesheet,
  type ValueLocator,
} from './stylesheet.js';
export { parseStylesheet, type ParseStylesheetOptions } from './parse.js';
export { matchStyle, selectorMatches, type MatchedStyle } from './match.js';
export { lineColumnAt } from './stylesheet-error.js';
export { resolveModelSettings, DEFAULT_REASONING_EFFORT, type ModelSettings } from './model-settings.js';
