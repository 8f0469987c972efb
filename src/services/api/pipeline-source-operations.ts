import { z } from 'zod';
import { attributeCatalogue, attributeCatalogueOutput, readPipelineSource, readSourceInput, readSourceOutput, savePipelineSource, saveSourceInput, saveSourceOutput } from '../pipelines/index.js';
import { requireKnownProject } from './known-project.js';
import { defineOperation } from './operation.js';

/** The pipeline editor's files (issue 15): the DOT text with its version, saved back only over the version read. */
export const pipelineSourceOperations = [
  defineOperation({
    name: 'pipelines.read',
    summary: "Read a pipeline's DOT text",
    description: 'Returns the text of a .dot file of a project this Orchestra serves (never outside it, a symlink leading out included) with its version, the SHA-256 of the text, to send back with pipelines.save.',
    access: 'read',
    idempotent: true,
    input: readSourceInput,
    output: readSourceOutput,
    http: { method: 'get', path: '/pipelines/source' },
    mcp: 'pipeline_read',
    handle: async (deps, _caller, input) => readPipelineSource(requireKnownProject(deps, input.project), input.file),
  }),
  defineOperation({
    name: 'pipelines.save',
    summary: "Save a pipeline's DOT text",
    description:
      'Writes DOT text to a .dot file of a project (relative, inside it: no "..", no absolute path, no symlink leading out; missing folders are created), atomically, and returns its new version. With `version` (from pipelines.read) the save is refused with E_PIPELINE_CONFLICT when the file changed since; without one, a file that exists is refused unless `overwrite` is true. The text is saved even when it does not parse.',
    access: 'write',
    input: saveSourceInput,
    output: saveSourceOutput,
    http: { method: 'post', path: '/pipelines/source' },
    mcp: 'pipeline_save',
    handle: async (deps, _caller, input) => savePipelineSource(requireKnownProject(deps, input.project), input),
  }),
  defineOperation({
    name: 'pipelines.attributes',
    summary: 'List the pipeline attributes',
    description: 'The attribute catalogue of the DOT dialect: each attribute with where it applies (graph, node, edge), its type, allowed values, default and description, as `orchestra compile` checks them.',
    access: 'read',
    idempotent: true,
    input: z.strictObject({}),
    output: attributeCatalogueOutput,
    http: { method: 'get', path: '/pipelines/attributes' },
    mcp: 'pipeline_attributes',
    handle: async () => ({ attributes: attributeCatalogue() }),
  }),
] as const;
