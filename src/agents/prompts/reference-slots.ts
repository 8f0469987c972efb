import { findVariableReferences } from '../../pipeline/transforms/expand-variables.js';

/** A `$name` / `${name}` lookup: the value, or undefined to leave the reference as written. */
export type VariableLookup = (name: string) => string | undefined;

export interface SlottedTemplate {
  /** The author's text, each known reference in its plain text replaced by `{{ slot[i] }}`. */
  source: string;
  /** What `slot[i]` holds: the values, passed to the template as data, never as source. */
  values: string[];
  /** A 1-based position in `source` → the same place in the author's text (for error locations). */
  toAuthorPosition(line: number, column: number): { line: number; column: number };
}

const tagEnd: Readonly<Record<string, string>> = { '{{': '}}', '{%': '%}', '{#': '#}' };

/**
 * Turns the `$name` and `${name}` references of a template into lookups of the data slot `slot`
 * (issue 8.1), so that a value is printed by the template engine and never becomes template
 * source. Only references in plain text are replaced: inside `{{ }}`, `{% %}`, `{# #}` and raw
 * blocks they stay as written (there the template's own names apply: `goal`, `context.key`).
 * If this scan misreads odd syntax, the worst it does is put the fixed text `{{ slot[i] }}` in a
 * strange place: values still never reach the source.
 */
export function slotReferences(text: string, lookup: VariableLookup, slot: string): SlottedTemplate {
  const values: string[] = [];
  const shifts: Array<{ at: number; by: number }> = [];
  let source = '';
  const replaceIn = (plain: string) => {
    let last = 0;
    for (const ref of findVariableReferences(plain)) {
      const value = lookup(ref.name);
      if (value === undefined) continue;
      source += plain.slice(last, ref.offset);
      let replacement = `{{ ${slot}[${values.length}] }}`;
      let replaced = ref.text.length;
      // `{` then `{{` would read as `{{{`: the author's brace is printed from a string instead.
      if (source.endsWith('{')) {
        source = source.slice(0, -1);
        replacement = `{{ "{" }}${replacement}`;
        replaced += 1;
      }
      source += replacement;
      values.push(value);
      shifts.push({ at: source.length, by: replacement.length - replaced });
      last = ref.offset + ref.text.length;
    }
    source += plain.slice(last);
  };
  const tagStart = /\{\{|\{%|\{#/g;
  let rawEnd: RegExp | undefined;
  let at = 0;
  for (;;) {
    tagStart.lastIndex = at;
    const open = tagStart.exec(text);
    const plain = text.slice(at, open ? open.index : text.length);
    if (rawEnd) source += plain;
    else replaceIn(plain);
    if (!open) break;
    const close = text.indexOf(tagEnd[open[0]] as string, open.index + 2);
    at = close < 0 ? text.length : close + 2;
    const tag = text.slice(open.index, at);
    source += tag;
    rawEnd = rawEnd ? (rawEnd.test(tag) ? undefined : rawEnd) : rawEndFor(tag);
  }
  return { source, values, toAuthorPosition: (line, column) => authorPosition(source, shifts, line, column) };
}

/** `{% raw %}` → the pattern of its `{% endraw %}` (likewise verbatim); other tags → undefined. */
function rawEndFor(tag: string): RegExp | undefined {
  const kind = /^\{%-?\s*(raw|verbatim)\s*-?%\}$/.exec(tag)?.[1];
  return kind ? new RegExp(`^\\{%-?\\s*end${kind}\\s*-?%\\}$`) : undefined;
}

/** Replacements never hold a newline, so lines agree; a column moves back by the growth before it. */
function authorPosition(source: string, shifts: ReadonlyArray<{ at: number; by: number }>, line: number, column: number): { line: number; column: number } {
  let lineStart = 0;
  for (let n = 1; n < line; n++) lineStart = source.indexOf('\n', lineStart) + 1;
  const offset = lineStart + column - 1;
  const growth = shifts.filter((shift) => shift.at >= lineStart && shift.at <= offset).reduce((sum, shift) => sum + shift.by, 0);
  return { line, column: column - growth };
}
