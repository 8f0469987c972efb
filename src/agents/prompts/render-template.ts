import type nunjucksModule from 'nunjucks';
import { lazyRequire } from '../../core/lazy-require.js';
import { OrchestraError, type ErrorCode } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';

// Only prompts with `{{ }}` or `{% %}` come here (render-prompt.ts): most runs never load it.
const loadNunjucks = lazyRequire<typeof nunjucksModule>('nunjucks');

/** Where a template came from, so that errors and warnings point into the right file. */
export interface TemplateOrigin {
  /** What the template is, for messages: `role layer`, `prompt of node review`. */
  label: string;
  file: string;
  /** 1-based file position of the template's first character. */
  line: number;
  column: number;
  /** The error code for a broken template (E_CONFIG for layer files). */
  code: ErrorCode;
}

/** A position in the rendered source → where the author wrote it (the source may differ: render-prompt.ts). */
export type SourceMap = (line: number, column: number) => { line: number; column: number };

export interface RenderedTemplate {
  text: string;
  /** One line per unknown variable, e.g. `prompts/task.yaml:4:3: unknown variable pr_numbr in the task layer`. */
  warnings: string[];
}

/**
 * Renders Jinja-syntax text with Nunjucks: no autoescaping (prompts are not HTML), undefined values
 * render as empty text, and each top-level name or `context.` path the data lacks is reported as a
 * warning instead of failing the node.
 */
export function renderTemplate(template: string, data: Readonly<Record<string, unknown>>, origin: TemplateOrigin, sourceMap?: SourceMap): RenderedTemplate {
  const unknown = new Set<string>();
  const nunjucks = loadNunjucks();
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
  const globals = (env as unknown as { globals: Record<string, unknown> }).globals;
  // Nunjucks asks `name in globals` before it reads a name from the data: the one hook that sees
  // every lookup that loop variables and {% set %} did not answer.
  (env as unknown as { globals: object }).globals = new Proxy(globals, {
    has(target, name) {
      if (typeof name === 'string' && !(name in target) && !Object.hasOwn(data, name)) unknown.add(name);
      return name in target;
    },
  });
  const context = data.context;
  const view = typeof context === 'object' && context !== null ? { ...data, context: watchMissing(context as object, 'context', unknown) } : data;
  try {
    const text = new nunjucks.Template(template, env, origin.label, true).render(view);
    return { text, warnings: [...unknown].map((name) => `${formatOrigin(origin)}: unknown variable ${name} in the ${origin.label}`) };
  } catch (error) {
    throw templateError(error, template, origin, sourceMap);
  }
}

/** Reports reads of missing keys below `context` (`context.last_respons`) by their path. */
function watchMissing(target: object, path: string, unknown: Set<string>): object {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof key !== 'string' || key.startsWith('__') || key in Object.prototype) return value;
      if (!Object.hasOwn(object, key)) {
        if (!Array.isArray(object)) unknown.add(`${path}.${key}`);
        return value;
      }
      return typeof value === 'object' && value !== null ? watchMissing(value, `${path}.${key}`, unknown) : value;
    },
  });
}

function templateError(error: unknown, template: string, origin: TemplateOrigin, sourceMap: SourceMap = (line, column) => ({ line, column })): OrchestraError {
  const message = error instanceof Error ? error.message : String(error);
  const found = /\[Line (\d+), Column (\d+)\]/.exec(message);
  const reason = message.split('\n').map((line) => line.trim()).filter(Boolean).pop() ?? message;
  const position = found ? sourceMap(Number(found[1]), Number(found[2])) : { line: template.split('\n').length, column: 1 };
  const location = fileLocation(origin, position.line, position.column);
  return new OrchestraError(origin.code, `template error in the ${origin.label} at ${formatOrigin(location)}: ${reason.replace(/^Error: /, '')}`, {
    location,
    hint: 'Templates use Jinja syntax: {{ name }}, {% if cond %}...{% endif %}, {{ context.key }}.',
    cause: error,
  });
}

/** Template line/column (1-based) → file position. Later lines of a block scalar share its indentation. */
function fileLocation(origin: TemplateOrigin, line: number, column: number): SourceLocation {
  if (line <= 1) return { file: origin.file, line: origin.line, column: origin.column + column - 1 };
  return { file: origin.file, line: origin.line + line - 1, column: origin.column + column - 1 };
}

function formatOrigin(location: { file: string; line: number; column: number }): string {
  return `${location.file}:${location.line}:${location.column}`;
}
