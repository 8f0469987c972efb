import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { AttributeScope, type AttributeSpec, type AttributeType } from './attribute-spec.js';
import { ATTRIBUTES } from './catalog.js';

export const TABLES_BEGIN = '<!-- BEGIN attribute tables: generated from src/pipeline/attributes/catalog.ts by render-docs.ts; do not edit by hand -->';
export const TABLES_END = '<!-- END attribute tables -->';

/**
 * The attribute reference of docs/pipelines.md as Markdown, generated from the catalog so the docs
 * cannot drift from what validation knows (a test compares them).
 */
export function renderAttributeTables(): string {
  const own = ATTRIBUTES.filter((spec) => !spec.display);
  const display = ATTRIBUTES.filter((spec) => spec.display);
  return [
    section('Graph attributes', own.filter((spec) => spec.appliesTo.includes(AttributeScope.GRAPH)), false),
    section('Node attributes', own.filter((spec) => spec.appliesTo.includes(AttributeScope.NODE)), true),
    section('Edge attributes', own.filter((spec) => spec.appliesTo.includes(AttributeScope.EDGE)), false),
    displaySection(display),
  ].join('\n');
}

/** `markdown` with the text between the table markers replaced by the current tables. */
export function replaceAttributeTables(markdown: string): string {
  const begin = markdown.indexOf(TABLES_BEGIN);
  const end = markdown.indexOf(TABLES_END);
  if (begin === -1 || end < begin) throw new OrchestraError(ErrorCode.INTERNAL, 'The attribute table markers are missing from the document.', { hint: `Put ${TABLES_BEGIN} and ${TABLES_END} where the tables go.` });
  return `${markdown.slice(0, begin + TABLES_BEGIN.length)}\n${renderAttributeTables()}${markdown.slice(end)}`;
}

function section(title: string, specs: readonly AttributeSpec[], withHandlers: boolean): string {
  const header = withHandlers ? '| Attribute | Type | Default | Handlers | Meaning |\n|---|---|---|---|---|' : '| Attribute | Type | Default | Meaning |\n|---|---|---|---|';
  const rows = specs.map((spec) => {
    const cells = [`\`${spec.name}\``, typeText(spec.type), defaultText(spec)];
    if (withHandlers) cells.push(spec.handlers === 'all' ? 'all' : spec.handlers.map((type) => `\`${type}\``).join(', '));
    cells.push(describe(spec));
    return `| ${cells.map(escapeCell).join(' | ')} |`;
  });
  return `### ${title}\n\n${header}\n${rows.join('\n')}\n`;
}

function displaySection(specs: readonly AttributeSpec[]): string {
  const rows = specs.map((spec) => `| \`${spec.name}\` | ${spec.appliesTo.join(', ')} | ${escapeCell(typeText(spec.type))} | ${escapeCell(spec.description)} |`);
  return [
    '### Display attributes (accepted, ignored)',
    '',
    'Graphviz layout attributes that real files carry. They load without a warning and do nothing.',
    '',
    '| Attribute | On | Type | Meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function typeText(type: AttributeType): string {
  return type.kind === 'enum' ? `one of ${type.values.map((value) => `\`${value}\``).join(', ')}` : type.kind;
}

function defaultText(spec: AttributeSpec): string {
  if (spec.defaultText !== undefined) return spec.defaultText;
  if (spec.default === undefined) return 'unset';
  if (spec.default === '') return '`""`';
  return `\`${String(spec.default)}\``;
}

function describe(spec: AttributeSpec): string {
  const aliases = spec.aliases?.length ? ` Also accepted as ${spec.aliases.map((alias) => `\`${alias}\``).join(', ')}.` : '';
  return spec.description + aliases;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
