import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FormFieldTypes } from '../../src/store/human-task-types.js';

// The guided workflows `orchestra init --guided` ships (seed 004). Their structure is checked here by
// hand, without src/guided's parser (which lands separately): the lead switches this to the real
// validator at merge. The checks follow docs/guided-workflows.md.
const shipped = join(import.meta.dirname, '../../templates/guided');
const names = readdirSync(shipped, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const reserved = ['END', 'FAIL'];
const contextTypes = ['string', 'number', 'boolean', 'object', 'array', 'any'];
const stepName = /^[A-Z][A-Z0-9_]*$/;

interface Rule {
  line: string;
  target: string;
  unconditional: boolean;
}

function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: (parseYaml(match[1]!) ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}

function listedSteps(body: string): string[] {
  const lines = body.split('\n');
  const heading = lines.findIndex((line) => line.trim() === '## Steps');
  if (heading < 0) return [];
  const steps: string[] = [];
  for (const line of lines.slice(heading + 1)) {
    if (/^#{1,2} /.test(line)) break;
    const item = /^\d+\.\s+([A-Z][A-Z0-9_]*)\s+—\s+\S/.exec(line);
    if (item) steps.push(item[1]!);
  }
  return steps;
}

/** `# Orchestrator Guidance` then `# Client Instructions`, each exactly once, nothing else at level 1. */
function sections(body: string): Record<string, string> {
  const found: Record<string, string> = {};
  let current: string | undefined;
  let inCode = false;
  for (const line of body.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = !inCode && /^# (.+)$/.exec(line);
    if (heading) {
      current = heading[1]!.trim();
      expect(found, `section "${current}" appears twice`).not.toHaveProperty(current);
      found[current] = '';
    } else if (current !== undefined) found[current] += `${line}\n`;
  }
  return found;
}

function rules(guidance: string): Rule[] {
  const found: Rule[] = [];
  for (const raw of guidance.split('\n')) {
    const line = raw.replace(/^\s*[-*]\s+/, '').trim();
    const status = /^on (success|failure|blocked): ([A-Z][A-Z0-9_]*)$/.exec(line);
    const when = /^when context\.[a-z_][a-z0-9_.]* (=|!=) [^:]+: ([A-Z][A-Z0-9_]*)$/.exec(line);
    const next = /^next: ([A-Z][A-Z0-9_]*)$/.exec(line);
    if (status) found.push({ line, target: status[2]!, unconditional: false });
    else if (when) found.push({ line, target: when[2]!, unconditional: false });
    else if (next) found.push({ line, target: next[1]!, unconditional: true });
    // A line that starts like a rule but is not one would be silently ignored by the rules: say so.
    else expect(line, 'looks like a rule line but does not parse').not.toMatch(/^(on \w+|when context\.|next)\b.*:/);
  }
  return found;
}

describe.each(names)('issue 13: the shipped guided workflow %s', (name) => {
  const dir = join(shipped, name);
  const index = splitFrontMatter(readFileSync(join(dir, 'index.md'), 'utf8'));
  const steps = listedSteps(index.body);
  const declared = (index.data.context ?? {}) as Record<string, unknown>;
  const stepFile = (step: string) => splitFrontMatter(readFileSync(join(dir, 'steps', `${step}.md`), 'utf8'));

  it('index.md has a title, a goal and a Steps list of UPPER_SNAKE names', () => {
    expect(index.body.trimStart()).toMatch(/^# \S.*\n\n\S/);
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) expect(step).toMatch(stepName);
    expect(new Set(steps).size).toBe(steps.length);
    if (index.data.first_step !== undefined) expect(steps).toContain(index.data.first_step);
  });

  it('declares its context variables with known types', () => {
    for (const [variable, spec] of Object.entries(declared)) {
      const type = typeof spec === 'string' ? spec : (spec as { type?: unknown }).type;
      expect(contextTypes, `${variable}'s type`).toContain(type);
    }
  });

  it('every listed step has steps/STEP.md with both sections, and every step file is listed', () => {
    expect(readdirSync(join(dir, 'steps')).sort()).toEqual(steps.map((step) => `${step}.md`).sort());
    for (const step of steps) {
      const found = sections(stepFile(step).body);
      expect(Object.keys(found), step).toEqual(['Orchestrator Guidance', 'Client Instructions']);
      expect(found['Orchestrator Guidance']!.trim(), step).not.toBe('');
      // The agent is told what to report: the step's name as step_id, and a status.
      expect(found['Client Instructions'], step).toContain(`\`report.step_id\`: \`"${step}"\``);
      expect(found['Client Instructions'], step).toContain('`report.status`');
    }
  });

  it('every rule target is a listed step, END or FAIL, and the rules reach every step and END', () => {
    const edges = new Map<string, string[]>();
    steps.forEach((step, position) => {
      const found = rules(sections(stepFile(step).body)['Orchestrator Guidance']!);
      for (const rule of found) expect([...steps, ...reserved], `${step}: ${rule.line}`).toContain(rule.target);
      // No rule matching means the next listed step, unless an unconditional `next:` always matches.
      const fallThrough = found.some((rule) => rule.unconditional) ? [] : [steps[position + 1] ?? 'END'];
      edges.set(step, [...found.map((rule) => rule.target), ...fallThrough]);
    });
    const reached = new Set<string>();
    const queue = [String(index.data.first_step ?? steps[0])];
    while (queue.length > 0) {
      const step = queue.pop()!;
      if (reached.has(step)) continue;
      reached.add(step);
      queue.push(...(edges.get(step) ?? []));
    }
    expect([...steps, 'END'].filter((step) => !reached.has(step))).toEqual([]);
  });

  it('placeholders name declared context variables; waits_for has a known shape', () => {
    // index.md is shown as written (list_workflows), never rendered.
    expect(index.body).not.toContain('{{');
    for (const step of steps) {
      const { data } = stepFile(step);
      const text = readFileSync(join(dir, 'steps', `${step}.md`), 'utf8');
      for (const [, variable] of text.matchAll(/\{\{\s*context\.([a-z_][a-z0-9_]*)/g)) expect(Object.keys(declared), `${step}: {{context.${variable}}}`).toContain(variable);
      const waits = data.waits_for as Record<string, Record<string, unknown>> | undefined;
      if (waits === undefined) continue;
      expect(Object.keys(waits).length).toBe(1);
      if (waits.task) expect(typeof waits.task.description).toBe('string');
      else {
        expect(typeof waits.human_task?.title).toBe('string');
        for (const field of Object.values((waits.human_task?.form ?? {}) as Record<string, { type: string }>)) expect(FormFieldTypes).toContain(field.type);
      }
    }
  });
});

describe('issue 13: the shipped guided workflows', () => {
  it('are the five of seed 004', () => {
    expect(names).toEqual(['REFACTOR_WITH_TESTS', 'RESUME', 'SAVE', 'SPRINT_TASK', 'WORK']);
    expect(names.every((name) => existsSync(join(shipped, name, 'index.md')))).toBe(true);
  });
});
