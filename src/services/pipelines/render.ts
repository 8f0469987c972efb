import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { renderSvg } from '../../pipeline/render/svg.js';
import type { CheckedPipeline } from './validate.js';

/** The pipeline drawn as SVG (`compile --svg`); a pipeline with errors is not drawn (E_VALIDATION at its first error). */
export async function renderPipeline(checked: CheckedPipeline): Promise<string> {
  if (!checked.ok || checked.graph === undefined) throw invalidPipeline(checked);
  return renderSvg(checked.graph);
}

/** E_VALIDATION for a pipeline with errors, at its first error, naming how many there are. */
export function invalidPipeline(checked: CheckedPipeline): OrchestraError {
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const at = first?.line !== undefined ? `:${first.line}:${first.column ?? 1}` : '';
  return new OrchestraError(ErrorCode.VALIDATION, `${checked.file}${at}: ${first?.message ?? 'invalid pipeline'}${errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : ''}`, {
    hint: 'pipelines.validate (pipeline_validate) lists every diagnostic with its line and column.',
    ...(first?.line !== undefined && { location: { file: checked.file, line: first.line, column: first.column ?? 1 } }),
  });
}
