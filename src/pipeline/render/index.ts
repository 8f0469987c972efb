export { renderSvg } from './svg.js';
export { toDisplayDot } from './display-dot.js';
export { NODE_STYLES, CUSTOM_NODE_STYLE, nodeStyleFor, type NodeStyle } from './node-style.js';
export { quoteDot } from './quote.js';
