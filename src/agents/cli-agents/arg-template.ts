import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { Placeholders, type ArgTemplate, type Placeholder } from './profile.js';

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

// `{prompt}`, and `{{ prompt }}` as orchestra.yaml's Nunjucks-minded authors write it.
const placeholderPattern = /\{\{\s*([a-z_]+)\s*\}\}|\{([a-z_]+)\}/g;

/** The placeholder names used in one argv element, in order. */
export function placeholdersIn(element: string): string[] {
  return [...element.matchAll(placeholderPattern)].map((match) => match[1] ?? match[2] ?? '');
}

/** Placeholders a template uses that are not one of {prompt}, {model}, {session_id}, {resume_id}. */
export function unknownPlaceholders(template: readonly ArgTemplate[]): string[] {
  const known: readonly string[] = Placeholders;
  const used = template.flatMap((entry) => (typeof entry === 'string' ? [entry] : [...entry])).flatMap(placeholdersIn);
  return [...new Set(used.filter((name) => !known.includes(name)))];
}

export function usesPlaceholder(template: readonly ArgTemplate[], name: Placeholder): boolean {
  return template.some((entry) => (typeof entry === 'string' ? [entry] : entry).some((element) => placeholdersIn(element).includes(name)));
}

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
