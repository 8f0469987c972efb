/** The typo suggestion rule lives in core, shared with config; lint rules know it by this name. */
export { closestName as closestMatch } from '../../core/closest-name.js';
