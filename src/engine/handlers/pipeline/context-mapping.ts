import { ErrorCode, OrchestraError } from '../../../core/errors.js';

/** One `target=source` pair of `pipeline.inputs` / `pipeline.outputs`; a bare `a` means `a=a`. */
export interface ContextMapping {
  target: string;
  source: string;
}

/**
 * Parses a mapping list such as `a,b=c`. Blank items are skipped; an item with an empty side
 * (`=c`, `b=`) or two `=` throws E_ATTRIBUTE_TYPE naming the attribute and the item.
 */
export function parseContextMapping(text: string, attribute: string, owner: string): ContextMapping[] {
  const mappings: ContextMapping[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const parts = item.split('=').map((part) => part.trim());
    const [target, source = target] = parts;
    if (parts.length > 2 || target === '' || source === '') {
      throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, `The ${attribute} attribute of ${owner} has the item "${item}", which is not "name" or "name=source".`, {
        hint: `Write a comma-separated list such as ${attribute}="a,b=c": "a" copies a, "b=c" sets b from c.`,
      });
    }
    mappings.push({ target: target!, source: source! });
  }
  return mappings;
}
