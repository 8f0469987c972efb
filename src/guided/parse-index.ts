import type { SourceLocation } from '../core/source-location.js';
import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import { readContextDeclarations } from './context-declarations.js';
import type { ContextVariable } from './definition.js';
import { headingOf, readMarkdownFile, warnUnknownKeys, type BodyLine } from './markdown-file.js';

/** A step as index.md lists it. */
export interface ListedStep {
  name: string;
  description?: string;
  loc: SourceLocation;
}

export interface ParsedIndex {
  title: string;
  goal: string;
  steps: ListedStep[];
  firstStep?: { name: string; loc: SourceLocation };
  context: Record<string, ContextVariable>;
  diagnostics: Diagnostic[];
}

const listItem = /^( {0,3})(?:[-*+]|\d+[.)])[ \t]+(.*)$/;
// `name`, `**name**` or `` `name` ``, then nothing, or ` — `, ` - `, `:` and a description.
const stepItem = /^(\*\*|`)?([A-Za-z][A-Za-z0-9_-]*)\1?(?:$|[ \t]+[—–-][ \t]+(.*)$|[ \t]*:[ \t]*(.*)$)/;

/**
 * index.md, shown as `file`: optional front matter (`first_step`, `context`), `# Title`, the goal,
 * and a `## Steps` heading followed by a list whose items begin with the step names.
 */
export function parseIndex(file: string, text: string, fallbackTitle: string): ParsedIndex {
  const markdown = readMarkdownFile(file, text);
  const diagnostics = markdown.diagnostics;
  const { front, body } = markdown;
  let context: Record<string, ContextVariable> = {};
  let firstStep: ParsedIndex['firstStep'];
  if (front) {
    warnUnknownKeys(front, ['first_step', 'context'], diagnostics);
    context = readContextDeclarations(front, diagnostics);
    const first = front.data.first_step;
    if (typeof first === 'string' && first !== '') firstStep = { name: first, loc: front.at(['first_step']) };
    else if (first !== undefined && first !== null) {
      diagnostics.push({ rule: 'guided_first_step_exists', severity: 'error', message: 'first_step must be a step name.', loc: front.at(['first_step']), fix: 'Write "first_step: NAME" with one of the steps index.md lists, or remove the line to start at the first one.' });
    }
  }
  const titleIndex = body.findIndex((line) => headingOf(line)?.level === 1);
  const title = titleIndex >= 0 ? headingOf(body[titleIndex]!)!.title : fallbackTitle;
  if (titleIndex < 0) {
    diagnostics.push({ rule: 'guided_title', severity: 'warning', message: `index.md has no "# Title" line; the workflow is titled ${fallbackTitle}.`, loc: { file, line: body[0]?.line ?? 1, column: 1 }, fix: 'Start the body with "# " and the workflow\'s title, then its goal.' });
  }
  const stepsAt = body.findIndex((line) => { const heading = headingOf(line); return heading !== undefined && heading.level >= 2 && /^steps$/i.test(heading.title); });
  if (stepsAt < 0) {
    diagnostics.push({ rule: 'guided_steps_list', severity: 'error', message: 'index.md has no "## Steps" section.', loc: { file, line: body[0]?.line ?? 1, column: 1 }, fix: 'Add a "## Steps" heading followed by a numbered list of the step names, e.g. "1. analyze — read the code".' });
    return { title, goal: joinLines(body.slice(titleIndex + 1)), steps: [], firstStep, context, diagnostics };
  }
  const level = headingOf(body[stepsAt]!)!.level;
  const after = body.slice(stepsAt + 1);
  const endAt = after.findIndex((line) => { const heading = headingOf(line); return heading !== undefined && heading.level <= level; });
  const section = endAt < 0 ? after : after.slice(0, endAt);
  const rest = endAt < 0 ? [] : after.slice(endAt);
  const steps = readSteps(file, section, diagnostics);
  if (steps.length === 0) {
    diagnostics.push({ rule: 'guided_steps_list', severity: 'error', message: 'the "## Steps" section lists no steps.', loc: { file, line: body[stepsAt]!.line, column: 1 }, fix: 'List the steps under the heading, one per line: "1. analyze — read the code".' });
  }
  const goal = joinLines([...body.slice(titleIndex + 1, stepsAt), ...rest]);
  return { title, goal, steps, firstStep, context, diagnostics };
}

function readSteps(file: string, section: readonly BodyLine[], diagnostics: Diagnostic[]): ListedStep[] {
  const steps: ListedStep[] = [];
  for (const line of section) {
    const item = line.inFence ? undefined : listItem.exec(line.text);
    if (!item) continue;
    const column = line.text.length - item[2]!.length + 1;
    const match = stepItem.exec(item[2]!.trimEnd());
    const loc: SourceLocation = { file, line: line.line, column };
    if (!match) {
      diagnostics.push({ rule: 'guided_steps_list', severity: 'error', message: `this list item does not begin with a step name: "${item[2]!.trim()}".`, loc, fix: 'Begin each item with the step\'s name (letters, digits, _ and -, starting with a letter), then " — " and a short description: "2. run_tests — run the suite".' });
      continue;
    }
    const name = match[2]!;
    const nameColumn = column + (match[1]?.length ?? 0);
    const description = (match[3] ?? match[4])?.trim();
    const at: SourceLocation = { file, line: line.line, column: nameColumn, endLine: line.line, endColumn: nameColumn + name.length };
    steps.push(description ? { name, description, loc: at } : { name, loc: at });
  }
  return steps;
}

/** The lines' text, without the blank lines around it. */
export function joinLines(lines: readonly BodyLine[]): string {
  return lines.map((line) => line.text).join('\n').trim();
}
