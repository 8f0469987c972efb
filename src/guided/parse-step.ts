import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import type { StepRule, StepWait } from './definition.js';
import { headingOf, readMarkdownFile, warnUnknownKeys, type BodyLine } from './markdown-file.js';
import { joinLines } from './parse-index.js';
import { parseGuidanceLine } from './step-rules.js';
import { readStepWait } from './step-wait.js';

export interface ParsedStep {
  guidance: string;
  instructions: string;
  rules: StepRule[];
  waitsFor?: StepWait;
  diagnostics: Diagnostic[];
}

const sectionTitles = { guidance: 'Orchestrator Guidance', instructions: 'Client Instructions' } as const;
type Section = keyof typeof sectionTitles;

function sectionOf(line: BodyLine): Section | undefined {
  const heading = headingOf(line);
  if (heading?.level !== 1) return undefined;
  const title = heading.title.toLowerCase();
  return title === 'orchestrator guidance' ? 'guidance' : title === 'client instructions' ? 'instructions' : undefined;
}

/**
 * `steps/STEP.md`, shown as `file`: optional front matter (`waits_for`), then the sections
 * `# Orchestrator Guidance` and `# Client Instructions` in either order. Only those two headings
 * delimit; any other heading is part of the section it is in. Text before the first is ignored.
 */
export function parseStep(file: string, text: string): ParsedStep {
  const markdown = readMarkdownFile(file, text);
  const diagnostics = markdown.diagnostics;
  let waitsFor: StepWait | undefined;
  if (markdown.front) {
    warnUnknownKeys(markdown.front, ['waits_for'], diagnostics);
    waitsFor = readStepWait(markdown.front, diagnostics);
  }
  const sections: Partial<Record<Section, BodyLine[]>> = {};
  let current: BodyLine[] | undefined;
  for (const line of markdown.body) {
    const section = sectionOf(line);
    if (section === undefined) {
      current?.push(line);
      continue;
    }
    if (sections[section]) {
      diagnostics.push({ rule: 'guided_step_sections', severity: 'error', message: `"# ${sectionTitles[section]}" appears twice.`, loc: { file, line: line.line, column: 1 }, fix: 'Merge the two sections into one.' });
    }
    current = [];
    sections[section] = current;
  }
  for (const section of ['guidance', 'instructions'] as const) {
    if (sections[section]) continue;
    diagnostics.push({
      rule: 'guided_step_sections',
      severity: 'error',
      message: `the step has no "# ${sectionTitles[section]}" section.`,
      loc: { file, line: 1, column: 1 },
      fix: `Add a line "# ${sectionTitles[section]}" followed by ${section === 'guidance' ? 'what the orchestrator should weigh when deciding the next step (and rules such as "on failure: STEP")' : 'what the agent should do in this step'}.`,
    });
  }
  const guidanceLines = sections.guidance ?? [];
  const rules = readRules(file, guidanceLines, diagnostics);
  const parsed: ParsedStep = { guidance: joinLines(guidanceLines), instructions: joinLines(sections.instructions ?? []), rules, diagnostics };
  if (waitsFor) parsed.waitsFor = waitsFor;
  return parsed;
}

function readRules(file: string, lines: readonly BodyLine[], diagnostics: Diagnostic[]): StepRule[] {
  const rules: StepRule[] = [];
  for (const line of lines) {
    if (line.inFence) continue;
    const read = parseGuidanceLine(line.text, { file, line: line.line });
    if (read.kind === 'rule') rules.push(read.rule);
    else if (read.kind === 'malformed') {
      diagnostics.push({
        rule: 'guided_rule_syntax',
        severity: 'warning',
        message: 'this line starts like a "when" rule but is not one; it is read as prose.',
        loc: { file, line: line.line, column: read.column },
        fix: 'Write "when context.NAME = VALUE: STEP" (or "!="), with a step name, END or FAIL after the last colon.',
      });
    }
  }
  return rules;
}
