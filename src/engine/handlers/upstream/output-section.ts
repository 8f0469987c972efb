import { ErrorCode } from '../../../core/errors.js';
import { renderPrompt } from '../../../agents/prompts/index.js';
import { fitOutputs, type OutputBudget, type UpstreamOutput } from './output-budget.js';

export interface OutputSection {
  /** The section to add to a prompt; empty when there are no outputs. */
  text: string;
  /** Labels of the outputs that were cut to fit the budget. */
  trimmed: string[];
}

/**
 * The prompt section holding other nodes' outputs under `heading`, each headed by whose it is.
 * The outputs are data: the section's template is this function's fixed text, and each label and
 * output is put in through a data slot (render-prompt.ts), printed literally, never read as
 * template source; `{{ }}` or `$goal` in a model's answer stays as it was written.
 */
export function renderOutputSection(heading: string, outputs: readonly UpstreamOutput[], budget?: OutputBudget): OutputSection {
  const fitted = fitOutputs(outputs, budget);
  if (fitted.length === 0) return { text: '', trimmed: [] };
  const values = new Map<string, string>();
  const template = fitted
    .map((output, i) => {
      values.set(`label_${i}`, output.label);
      values.set(`output_${i}`, output.text);
      return `### \${label_${i}}\n\${output_${i}}`;
    })
    .join('\n\n');
  const origin = { label: heading, file: '<engine>', line: 1, column: 1, code: ErrorCode.VARIABLE };
  const body = renderPrompt(template, (name) => values.get(name), {}, origin).text;
  return { text: `${heading}\n\n${body}`, trimmed: fitted.filter((output) => output.cut > 0).map((output) => output.label) };
}

/** The prompt followed by the section, if there is one. */
export function withOutputSection(prompt: string, section: OutputSection): string {
  return section.text === '' ? prompt : `${prompt.trimEnd()}\n\n${section.text.trimEnd()}\n`;
}
