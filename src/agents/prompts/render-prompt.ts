import { expandVariables } from '../../pipeline/transforms/expand-variables.js';
import { slotReferences, type VariableLookup } from './reference-slots.js';
import { renderTemplate, type RenderedTemplate, type TemplateOrigin } from './render-template.js';

// The data slot the references print from; it comes after the caller's data, so no run variable
// of the same name can stand in for it.
const valuesSlot = '__orchestra_values';

/**
 * Renders a prompt as its author wrote it, in one pass (issue 8.1): `$name` and `${name}` become
 * lookups of `lookup`, `{{ }}` and `{% %}` read `data`, and every value, whether a model's answer,
 * a tool's output or a run variable, is inserted literally. Only the author's text is template
 * source. Text without template syntax is not given to the template engine at all.
 */
export function renderPrompt(text: string, lookup: VariableLookup, data: Readonly<Record<string, unknown>>, origin: TemplateOrigin): RenderedTemplate {
  if (!hasTemplateSyntax(text)) return { text: expandVariables(text, lookup), warnings: [] };
  const slotted = slotReferences(text, lookup, valuesSlot);
  return renderTemplate(slotted.source, { ...data, [valuesSlot]: slotted.values }, origin, slotted.toAuthorPosition);
}

/** Jinja syntax (issue 3): `{{ pr_number }}`, `{{ context.last_response }}`, `{% if %}`. */
function hasTemplateSyntax(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}
