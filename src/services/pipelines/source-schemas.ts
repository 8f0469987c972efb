import { z } from 'zod';
import { dotSourceInput, projectFileInput, projectInput } from './schemas.js';

/* The pipeline editor's file operations (issue 15): read a .dot file with its version, save one, the attribute catalogue. */

const versionOutput = z.string().describe('The SHA-256 (hex) of the file\'s text: send it back with pipelines.save.');

export const readSourceInput = z.strictObject({ project: projectInput, file: projectFileInput });

export const readSourceOutput = z.object({ file: z.string(), source: z.string(), version: versionOutput });

export const saveSourceInput = z.strictObject({
  project: projectInput,
  file: projectFileInput,
  // Empty text is a valid save (the editor's "new file" starts from nothing).
  source: dotSourceInput.min(0),
  version: z.string().regex(/^[0-9a-f]{64}$/, 'a version is the 64-digit hex SHA-256 pipelines.read returned').optional().describe('The version pipelines.read returned: the save is refused (E_PIPELINE_CONFLICT) when the file changed since.'),
  overwrite: z.boolean().optional().describe('Without a version, replace a file that exists (otherwise refused with E_PIPELINE_CONFLICT).'),
});

export const saveSourceOutput = z.object({ file: z.string(), version: versionOutput });

export const attributeCatalogueOutput = z.object({
  attributes: z.array(
    z.object({
      name: z.string(),
      appliesTo: z.array(z.enum(['graph', 'node', 'edge'])),
      type: z.enum(['string', 'integer', 'float', 'boolean', 'duration', 'enum']),
      values: z.array(z.string()).optional(),
      min: z.number().optional(),
      default: z.string().optional(),
      description: z.string(),
      aliases: z.array(z.string()).optional(),
      handlers: z.union([z.literal('all'), z.array(z.string())]),
      display: z.boolean(),
    }),
  ),
});
