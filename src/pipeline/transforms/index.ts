export { applyTransforms, type Transform } from './transform.js';
export { builtInTransforms, type BuiltInTransformOptions } from './built-in.js';
export { createStylesheetTransform } from './stylesheet-transform.js';
export { createVariablesTransform } from './variables-transform.js';
export {
  expandVariables,
  findVariableReferences,
  type VariableReference,
  type VariableSource,
} from './expand-variables.js';
export { mapNodes, withNodeAttributes } from './map-nodes.js';
