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
      if (step.waitsFor?.kind === 'human-task') {
        for (const field of Object.values((step.waitsFor.form ?? {}) as Record<string, { type: string }>)) expect(FormFieldTypes).toContain(field.type);
      }
    }
  });
});

describe('issue 13: the shipped guided workflows', () => {
  it('are the five of seed 004', () => {
    expect(names).toEqual(['REFACTOR_WITH_TESTS', 'RESUME', 'SAVE', 'SPRINT_TASK', 'WORK']);
  });
});
