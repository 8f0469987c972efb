import { z } from 'zod';

/* The inputs and outputs of the pipeline services (issue 12): one definition for HTTP, tRPC and MCP. */

const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name starts with a letter or _ and has only letters, digits and _');

/** Run variables (`$name` in prompts), as `key=value` on the command line. */
export const variablesInput = z.record(variableName, z.string().max(100_000)).default({});

/** An absolute path of a project this Orchestra serves. */
export const projectInput = z.string().min(1).max(4_096).describe('Absolute path of a project this Orchestra serves (see pipelines.list).');

/** A file of the project, relative to it. */
export const projectFileInput = z.string().min(1).max(4_096).describe('A .dot file of the project, relative to it (e.g. pipelines/review.dot).');

/** DOT text, at most 10 MiB as a file would be. */
export const dotSourceInput = z.string().min(1).max(10 * 1024 * 1024).describe('The pipeline as DOT text.');

/** A pipeline named by file or given as text: exactly one of `file` and `source`. */
export const pipelineInput = z
  .strictObject({ project: projectInput.optional(), file: projectFileInput.optional(), source: dotSourceInput.optional(), variables: variablesInput })
  .superRefine((input, ctx) => {
    if ((input.file === undefined) === (input.source === undefined)) ctx.addIssue({ code: 'custom', path: ['file'], message: 'give exactly one of file and source' });
    if (input.file !== undefined && input.project === undefined) ctx.addIssue({ code: 'custom', path: ['project'], message: 'a file is named inside a project: give project' });
  });
export type PipelineInput = z.output<typeof pipelineInput>;

export const diagnosticOutput = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  rule: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  node: z.string().optional(),
  fix: z.string().optional(),
});
export type DiagnosticOutput = z.output<typeof diagnosticOutput>;

export const validationOutput = z.object({
  ok: z.boolean().describe('No error among the diagnostics: the pipeline may run.'),
  /** The file as named (relative to the project), or `(source)`. */
  file: z.string(),
  nodes: z.number().int(),
  edges: z.number().int(),
  diagnostics: z.array(diagnosticOutput),
});
export type ValidationOutput = z.output<typeof validationOutput>;
