import { describe, expect, it } from 'vitest';
import { parseStep } from './parse-step.js';

const where = (d: { rule: string; severity: string; loc?: { line: number; column: number } }) => `${d.loc?.line}:${d.loc?.column} ${d.severity}[${d.rule}]`;

describe('parseStep', () => {
  it('issue 13: reads both sections in any order, other headings and fenced lines as content, and the rules with their lines', () => {
    const text = [
      'Text before the sections is ignored.',
      '# Client Instructions',
      'Do {{context.x}}.',
      '## Details',
      'More.',
      '# Orchestrator Guidance',
      'Weigh the risk.',
      '',
      '- on failure: fix',
      '```',
      'next: nowhere',
      '```',
      '# Notes inside guidance',
      'when context.done = true: END',
    ].join('\n');
    const step = parseStep('W/steps/a.md', text);
    expect(step.diagnostics).toEqual([]);
    expect(step.instructions).toBe('Do {{context.x}}.\n## Details\nMore.');
    expect(step.guidance).toBe('Weigh the risk.\n\n- on failure: fix\n```\nnext: nowhere\n```\n# Notes inside guidance\nwhen context.done = true: END');
    expect(step.rules.map((rule) => `${rule.loc.line}:${rule.loc.column} ${rule.kind} ${rule.next}`)).toEqual(['9:3 on-status fix', '14:1 when END']);
    expect(step.waitsFor).toBeUndefined();
  });

  it.each([
    ['no guidance', '# Client Instructions\nDo it.\n', ['1:1 error[guided_step_sections]']],
    ['no instructions', '# Orchestrator Guidance\n', ['1:1 error[guided_step_sections]']],
    ['neither section', '# Something else\n', ['1:1 error[guided_step_sections]', '1:1 error[guided_step_sections]']],
    ['a section twice', '# Orchestrator Guidance\n# Client Instructions\n# Orchestrator Guidance\n', ['3:1 error[guided_step_sections]']],
    ['a broken when rule', '# Orchestrator Guidance\n- when context.n > 2: END\n# Client Instructions\n', ['2:3 warning[guided_rule_syntax]']],
    ['an unknown front matter key', '---\nwait_for: {}\n---\n# Orchestrator Guidance\n# Client Instructions\n', ['2:1 warning[guided_front_matter]']],
  ])('issue 13: %s is reported at its position', (_case, text, expected) => {
    expect(parseStep('W/steps/a.md', text).diagnostics.map(where)).toEqual(expected);
  });

  const sections = '# Orchestrator Guidance\n# Client Instructions\n';
  it.each([
    ['task: { description: Fix it }', { kind: 'task', description: 'Fix it' }],
    ['task: { description: Fix it, agent: opencode }', { kind: 'task', description: 'Fix it', agent: 'opencode' }],
    ['human_task: { title: Approve }', { kind: 'human-task', title: 'Approve' }],
    ['human_task: { title: Approve, assignee: alice, form: { fields: [{ name: ok, type: boolean }] } }', { kind: 'human-task', title: 'Approve', assignee: 'alice', form: { fields: [{ name: 'ok', type: 'boolean' }] } }],
  ])('issue 13: waits_for %s', (yaml, wait) => {
    const step = parseStep('W/steps/a.md', `---\nwaits_for:\n  ${yaml}\n---\n${sections}`);
    expect(step.diagnostics).toEqual([]);
    expect(step.waitsFor).toEqual(wait);
  });

  it.each([
    ['a list', '[task]', '2:12'],
    ['no kind', '{}', '2:12'],
    ['an unknown kind', '{ job: { description: x } }', '2:12'],
    ['two kinds', '{ task: { description: x }, human_task: { title: y } }', '2:12'],
    ['no description', '{ task: { agent: claude } }', '2:20'],
    ['an empty title', '{ human_task: { title: "" } }', '2:35'],
    ['a bad agent', '{ task: { description: x, agent: 3 } }', '2:45'],
    ['a spec that is text', '{ task: fix it }', '2:20'],
  ])('issue 13: waits_for with %s is an error', (_case, yaml, at) => {
    const step = parseStep('W/steps/a.md', `---\nwaits_for: ${yaml}\n---\n${sections}`);
    expect(step.waitsFor).toBeUndefined();
    expect(step.diagnostics.map(where)).toEqual([`${at} error[guided_waits_for]`]);
    expect(step.diagnostics[0]?.fix).toContain('human_task');
  });
});
