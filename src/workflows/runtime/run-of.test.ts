import { describe, expect, it } from 'vitest';
import type { WorkflowContext } from '../definition.js';
import { runOf } from './workflow-run.js';

describe('runOf', () => {
  it('issue 11: takes a context made by another copy of the package (the brand is Symbol.for), and refuses anything else with E_USAGE', () => {
    const fromOtherCopy = { [Symbol.for('orchestra.workflow-run')]: true, workflowId: 'w1', workflowName: 'n', isReplaying: false } as WorkflowContext;
    expect(runOf(fromOtherCopy)).toBe(fromOtherCopy);
    const lookalike: WorkflowContext = { workflowId: 'w1', workflowName: 'n', isReplaying: false };
    expect(() => runOf(lookalike)).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('not the workflow context') }));
  });
});
