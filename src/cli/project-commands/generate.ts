import { join } from 'node:path';
import { findProjectDir } from '../../config/project-dir.js';
import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import type { CommandContext } from '../command-context.js';
import { displayPath } from '../output/display-path.js';
import { checkGeneratedName, exportNameFor } from './names.js';
import { createNewFile } from './new-files.js';
import { pipelineTemplate } from './templates/pipeline-template.js';
import { workflowTemplate } from './templates/workflow-templates.js';

export type GeneratedKind = 'workflow' | 'pipeline';

/**
 * `orchestra generate workflow|pipeline NAME`: workflows/NAME.ts or NAME.dot in the project (the
 * folder of the nearest orchestra.yaml, else the current one; pipelines sit beside orchestra.yaml, as
 * in examples/). Never overwrites: an existing file is an error and nothing is written.
 */
export async function generateCommand(ctx: CommandContext, kind: GeneratedKind, rawName: string): Promise<number> {
  const name = checkGeneratedName(kind, rawName);
  const project = findProjectDir(ctx.io.cwd) ?? ctx.io.cwd;
  const relativePath = kind === 'workflow' ? join('workflows', `${name}.ts`) : `${name}.dot`;
  const path = join(project, relativePath);
  const text = kind === 'workflow' ? workflowTemplate(name, exportNameFor(name)) : pipelineTemplate(name);
  if ((await createNewFile(path, text)) === 'skipped') {
    throw new OrchestraError(ErrorCode.USAGE, `${displayPath(ctx.io.cwd, path)} already exists; nothing was written`, {
      hint: `Choose another name, or remove the file first if you mean to start ${name} again.`,
    });
  }
  const next = kind === 'workflow' ? `orchestra workflow start ${name} --input '{"message":"hello"}'` : `orchestra compile ${displayPath(ctx.io.cwd, path)}`;
  ctx.io.stdout.write(`created ${displayPath(ctx.io.cwd, path)}\nnext: ${next}\n`);
  return ExitCode.OK;
}
