import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { placeholderPattern, placeholdersIn, type ArgTemplate, type Placeholder } from '../../config/index.js';

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/**
 * The argv for `template`: each placeholder is replaced inside its own element (a prompt with
 * spaces stays one argument, and no shell ever sees it). A group is dropped when one of its
 * placeholders has no value; a lone element without its value is a profile mistake.
 */
export function expandArgs(profileName: string, template: readonly ArgTemplate[], values: PlaceholderValues): string[] {
  const argv: string[] = [];
  for (const entry of template) {
    if (typeof entry !== 'string') {
      if (entry.every((element) => hasValues(element, values))) argv.push(...entry.map((element) => fill(element, values)));
      continue;
    }
    if (!hasValues(entry, values)) {
      const missing = placeholdersIn(entry).find((name) => valueOf(values, name) === undefined) ?? '';
      throw new OrchestraError(ErrorCode.CONFIG, `CLI profile "${profileName}": argument "${entry}" needs {${missing}}, which has no value for this node.`, {
        hint: `Put the argument in a group, as in ["--flag", "${entry}"], so that it is left out when {${missing}} has no value.`,
      });
    }
    argv.push(fill(entry, values));
  }
  return argv;
}

function hasValues(element: string, values: PlaceholderValues): boolean {
  return placeholdersIn(element).every((name) => valueOf(values, name) !== undefined);
}

function fill(element: string, values: PlaceholderValues): string {
  return element.replace(placeholderPattern, (_text, long: string | undefined, short: string | undefined) => valueOf(values, long ?? short ?? '') ?? '');
}

function valueOf(values: PlaceholderValues, name: string): string | undefined {
  return Object.hasOwn(values, name) ? values[name as Placeholder] : undefined;
}
