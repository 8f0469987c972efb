export { listPipelineFiles } from './list.js';
export { fileInProject } from './project-file.js';
export { readNamedPipeline, sourcePipelineName, type NamedPipeline } from './read-pipeline.js';
export { invalidPipeline, renderPipeline } from './render.js';
export * from './schemas.js';
export { checkPipeline, validationOf, type CheckedPipeline } from './validate.js';
