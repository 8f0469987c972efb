import { join } from 'node:path';
import { readContextSources } from '../../pipeline/graph/context-sources.js';
import type { HandlerInput } from '../handler.js';
import { toolWorkingDirectory } from '../handlers/tool/tool-env.js';
import { fitToBudget } from './context-budget.js';
import { contextBudgetChars, type ContextBlock } from './context-item.js';
import { readContextFiles } from './context-files.js';
import { defaultUrlLimits, readContextUrls, type UrlLimits } from './context-urls.js';
import { formatContextSection } from './format-context.js';

/** Where fetched URLs are kept, once per run: beside the node folders in the run directory. */
export function contextUrlDir(logsRoot: string): string {
  return join(logsRoot, 'context', 'urls');
}

/**
 * The context sections of a node's prompt (seed 003): the files `context.files` names and the text
 * of the URLs `context.urls` names, within `contextBudgetChars`, and the warnings to announce (a
 * glob matching nothing, a trimmed budget, a URL that failed). Empty text when the node names none.
 */
export async function buildNodeContext(
  input: Pick<HandlerInput, 'node' | 'graph' | 'run' | 'signal'>,
  options: { budget?: number; urlLimits?: UrlLimits } = {},
): Promise<ContextBlock> {
  const sources = readContextSources(input.node);
  if (sources.files.length === 0 && sources.urls.length === 0) return { text: '', warnings: [] };
  const budget = options.budget ?? contextBudgetChars;
  const files = sources.files.length > 0 ? await readContextFiles(toolWorkingDirectory(input), sources.files, budget, input.signal) : { items: [], warnings: [] };
  const urls = sources.urls.length > 0 ? await readContextUrls(contextUrlDir(input.run.logsRoot), sources.urls, options.urlLimits ?? defaultUrlLimits, input.signal) : { items: [], warnings: [] };
  const fitted = fitToBudget([...files.items, ...urls.items], budget);
  const warnings = [...files.warnings, ...urls.warnings];
  if (fitted.trimmed !== undefined) warnings.push(`context of node ${input.node.id} trimmed to ${budget} characters: ${fitted.trimmed}`);
  const fileItems = fitted.items.slice(0, files.items.length);
  const urlItems = fitted.items.slice(files.items.length);
  const text = [formatContextSection('Context files', fileItems), formatContextSection('Context URLs', urlItems)].filter((part) => part !== '').join('\n\n');
  return { text, warnings };
}

/** The rendered prompt followed by the context sections: appended after rendering, so file text is never template source. */
export function withNodeContext(prompt: string, block: ContextBlock): string {
  return block.text === '' ? prompt : `${prompt}\n\n${block.text}`;
}
