/**
 * The `{placeholders}` of a CLI profile's argument templates. They live in config, below the agents
 * layer, so that orchestra.yaml can reject an unknown placeholder at its line, and the agents layer
 * fills them in with the same reading of a template.
 */

/** One argv element (a string), or a group kept only when all its placeholders have values. */
export type ArgTemplate = string | readonly string[];

/** Placeholders of the headless `args` (pipelines). */
export const Placeholders = ['prompt', 'model', 'session_id', 'resume_id'] as const;
export type Placeholder = (typeof Placeholders)[number];

/** Placeholders of `interactive.args` (tasks): a new session. */
export const InteractivePlaceholders = ['prompt', 'model', 'session_id'] as const satisfies readonly Placeholder[];

/** Placeholders of `interactive.resume_args`: the prompt is never sent again on resume. */
export const ResumePlaceholders = ['model', 'session_id'] as const satisfies readonly Placeholder[];

// `{prompt}`, and `{{ prompt }}` as orchestra.yaml's Nunjucks-minded authors write it.
export const placeholderPattern = /\{\{\s*([a-z_]+)\s*\}\}|\{([a-z_]+)\}/g;

/** The placeholder names used in one argv element, in order. */
export function placeholdersIn(element: string): string[] {
  return [...element.matchAll(placeholderPattern)].map((match) => match[1] ?? match[2] ?? '');
}

/** Placeholders a template uses that are not in `known` (default: the headless set). */
export function unknownPlaceholders(template: readonly ArgTemplate[], known: readonly string[] = Placeholders): string[] {
  const used = template.flatMap((entry) => (typeof entry === 'string' ? [entry] : [...entry])).flatMap(placeholdersIn);
  return [...new Set(used.filter((name) => !known.includes(name)))];
}

/** Whether any element of the template, grouped or not, uses `{name}`. */
export function usesPlaceholder(template: readonly ArgTemplate[], name: Placeholder): boolean {
  return template.some((entry) => (typeof entry === 'string' ? [entry] : entry).some((element) => placeholdersIn(element).includes(name)));
}

/** `{prompt}, {model} or {session_id}`, for messages. */
export function listPlaceholders(names: readonly string[]): string {
  const shown = names.map((name) => `{${name}}`);
  return shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) ?? ''}`;
}
