import { z } from 'zod';
import { checkPipeline, listPipelineFiles, pipelineInput, projectInput, readNamedPipeline, renderPipeline, validationOf, validationOutput } from '../pipelines/index.js';
import { requireKnownProject } from './known-project.js';
import { defineOperation } from './operation.js';

/** Pipelines (issue 12): the DOT files of the projects this Orchestra serves, validated and drawn as `orchestra compile` does. */
export const pipelineOperations = [
  defineOperation({
    name: 'pipelines.list',
    summary: "List a project's pipelines",
    description: 'Lists the .dot pipeline files of a project this Orchestra serves, relative to it (symlinks are not followed). Run one with runs.start.',
    access: 'read',
    idempotent: true,
    input: z.strictObject({ project: projectInput }),
    output: z.object({ project: z.string(), files: z.array(z.string()) }),
    http: { method: 'get', path: '/pipelines' },
    mcp: 'pipeline_list',
    handle: async (deps, _caller, input) => {
      const project = requireKnownProject(deps, input.project);
      return { project, files: await listPipelineFiles(project) };
    },
  }),
  defineOperation({
    name: 'pipelines.validate',
    summary: 'Validate a pipeline',
    description:
      'Validates a pipeline (a .dot file of a project, or DOT text in `source`) and returns every diagnostic with its severity, rule, line and column; `ok` is false when one is an error. An invalid pipeline is a result, not a failure.',
    access: 'read',
    idempotent: true,
    input: pipelineInput,
    output: validationOutput,
    http: { method: 'post', path: '/pipelines/validate' },
    mcp: 'pipeline_validate',
    handle: async (deps, _caller, input) => {
      const named = await readNamedPipeline(deps, input);
      return validationOf(checkPipeline(named.source, named.shownAs, input.variables));
    },
  }),
  defineOperation({
    name: 'pipelines.render',
    summary: 'Draw a pipeline as SVG',
    description: 'Draws a valid pipeline (a .dot file of a project, or DOT text in `source`) as SVG text, nodes styled by kind. A pipeline with errors is E_VALIDATION at its first error.',
    access: 'read',
    idempotent: true,
    input: pipelineInput,
    output: z.object({ svg: z.string() }),
    http: { method: 'post', path: '/pipelines/render' },
    mcp: 'pipeline_render',
    handle: async (deps, _caller, input) => {
      const named = await readNamedPipeline(deps, input);
      return { svg: await renderPipeline(checkPipeline(named.source, named.shownAs, input.variables)) };
    },
  }),
] as const;
