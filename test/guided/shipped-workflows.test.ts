import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END_STEP, type GuidedDefinition } from '../../src/guided/definition.js';
import { loadGuidedDefinition } from '../../src/guided/load-definition.js';
import { FormFieldTypes } from '../../src/store/human-task-types.js';

// The guided workflows `orchestra init --guided` ships (seed 004), through the real validator (what
// `orchestra compile workflows/NAME` runs), plus what the validator leaves to the author: each
// step tells the agent what to report, placeholders name declared variables, and END is reachable.
const shipped = join(import.meta.dirname, '../../templates/guided');
const names = readdirSync(shipped, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

async function load(name: string): Promise<GuidedDefinition> {
  const loaded = await loadGuidedDefinition(join(shipped, name), { shownAs: `templates/guided/${name}` });
  expect(loaded.diagnostics).toEqual([]);
  return loaded.definition!;
}

/** Steps and END reachable from the first step, by the rules and by falling through to the next listed step. */
function reachable(definition: GuidedDefinition): Set<string> {
  const reached = new Set<string>();
  const queue = [definition.firstStep];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const position = definition.steps.findIndex((step) => step.name === name);
    if (reached.has(name) || position < 0) {
      reached.add(name);
      continue;
    }
    reached.add(name);
    const step = definition.steps[position]!;
    queue.push(...step.rules.map((rule) => rule.next));
    if (!step.rules.some((rule) => rule.kind === 'next')) queue.push(definition.steps[position + 1]?.name ?? END_STEP);
  }
  return reached;
}

describe.each(names)('issue 13: the shipped guided workflow %s', (name) => {
  it('validates with no diagnostic at all, its steps named in UPPER_SNAKE', async () => {
    const definition = await load(name);
    expect(definition.steps.length).toBeGreaterThan(1);
    for (const step of definition.steps) expect(step.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('tells the agent, in every step, the step_id and status to report', async () => {
    for (const step of (await load(name)).steps) {
      expect(step.instructions, step.name).toContain(`\`report.step_id\`: \`"${step.name}"\``);
      expect(step.instructions, step.name).toContain('`report.status`');
      expect(step.guidance.trim(), step.name).not.toBe('');
    }
  });

  it('reaches every step and END; placeholders name declared variables; forms use known field types', async () => {
    const definition = await load(name);
    const reached = reachable(definition);
    expect([...definition.steps.map((step) => step.name), END_STEP].filter((step) => !reached.has(step))).toEqual([]);
    for (const step of definition.steps) {
      for (const [, variable] of step.instructions.matchAll(/\{\{\s*context\.([a-z_][a-z0-9_]*)/g)) expect(Object.keys(definition.context), `${step.name}: {{context.${variable}}}`).toContain(variable);
      const wait = step.waitsFor;
      const waitText = wait === undefined ? '' : wait.kind === 'task' ? wait.description : wait.title;
      for (const [, variable] of waitText.matchAll(/\{\{\s*context\.([a-z_][a-z0-9_]*)/g)) expect(Object.keys(definition.context), `${step.name} waits_for: {{context.${variable}}}`).toContain(variable);
      if (wait?.kind === 'human-task') {
        for (const field of Object.values((wait.form ?? {}) as Record<string, { type: string }>)) expect(FormFieldTypes).toContain(field.type);
      }
    }
  });

  it('routes only on declared variables; a step that waits for a person routes only on what the form asks', async () => {
    const definition = await load(name);
    for (const step of definition.steps) {
      for (const rule of step.rules) {
        if (rule.kind !== 'when') continue;
        const variable = rule.path.split('.')[0]!;
        expect(Object.keys(definition.context), `${step.name}: when context.${rule.path}`).toContain(variable);
        // While the step waits, the agent reports nothing: the person's answer is all the rule can see.
        if (step.waitsFor?.kind === 'human-task') expect(Object.keys((step.waitsFor.form ?? {}) as object), `${step.name}: when context.${rule.path}`).toContain(variable);
      }
    }
  });
});

describe('issue 13: the shipped guided workflows', () => {
  it('are the five of seed 004', () => {
    expect(names).toEqual(['REFACTOR_WITH_TESTS', 'RESUME', 'SAVE', 'SPRINT_TASK', 'WORK']);
  });
});
