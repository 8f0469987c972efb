import { createHash } from 'node:crypto';

/*
 * The rules of a `type="workflow"` node shared by its handler and its lint rule (issue 11):
 * `workflow="NAME"` names the code-first workflow, `input='{json}'` is its input.
 */

/** The instance a node visit starts: the same for a resumed visit (run, node, visit, attempt), a new one for a retry. */
export function nodeWorkflowId(runId: string, nodeId: string, visit: string, attempt: number): string {
  const digest = createHash('sha256').update(JSON.stringify([runId, nodeId, visit, attempt])).digest('hex').slice(0, 10);
  return `${runId}.${nodeId}.${digest}`;
}

/** The `input` attribute's JSON (null when absent), or what is wrong with it and where (an offset in the value). */
export function parseWorkflowInput(text: string | undefined): { value: unknown } | { problem: string; offset: number } {
  if (text === undefined || text.trim() === '') return { value: null };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    return { problem: `is not JSON: ${message}`, offset: at ? Number(at[1]) : 0 };
  }
}
