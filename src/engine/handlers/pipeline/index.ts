export { createPipelineHandler } from './pipeline-handler.js';
export { resolvePipelineOptions, type PipelineOptions } from './pipeline-options.js';
export { parseContextMapping, type ContextMapping } from './context-mapping.js';
