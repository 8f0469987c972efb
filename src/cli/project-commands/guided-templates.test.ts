import { describe, expect, it } from 'vitest';
import { chooseGuidedWorkflows, guidedWorkflowFiles, shippedGuidedWorkflows } from './guided-templates.js';

const available = ['REFACTOR_WITH_TESTS', 'RESUME', 'SAVE', 'SPRINT_TASK', 'WORK'];

describe('issue 13: choosing the guided workflows init copies', () => {
  it('ships the five workflows of seed 004', () => expect(shippedGuidedWorkflows()).toEqual(available));

  it.each([
    [true, available],
    ['all', available],
    ['ALL', available],
    ['WORK', ['WORK']],
    ['refactor_with_tests, work', ['REFACTOR_WITH_TESTS', 'WORK']],
    ['SAVE,RESUME,SAVE', ['SAVE', 'RESUME']],
    ['WORK,,', ['WORK']],
  ] as const)('--guided=%s chooses %j', (value, expected) => {
    expect(chooseGuidedWorkflows(value, available)).toEqual(expected);
  });

  it.each(['NOPE', 'WORK,../etc', 'all,WORK'])('--guided=%s is refused, naming the known workflows', (value) => {
    expect(() => chooseGuidedWorkflows(value, available)).toThrow(
      expect.objectContaining({ code: 'E_USAGE', hint: expect.stringContaining('REFACTOR_WITH_TESTS, RESUME, SAVE, SPRINT_TASK, WORK') }),
    );
  });

  it("a workflow's files go to workflows/NAME/, index.md first", () => {
    const files = guidedWorkflowFiles('WORK');
    expect(files.map((file) => file.path)).toEqual([
      'workflows/WORK/index.md',
      'workflows/WORK/steps/CLARIFY_GOAL.md',
      'workflows/WORK/steps/IMPLEMENT.md',
      'workflows/WORK/steps/PLAN.md',
      'workflows/WORK/steps/SUMMARISE.md',
      'workflows/WORK/steps/VERIFY.md',
    ]);
    expect(files[0]!.text).toContain('## Steps');
  });
});
