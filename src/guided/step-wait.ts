import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import type { StepWait } from './definition.js';
import { isRecord, type FrontMatter } from './markdown-file.js';

const example = 'Write "waits_for:" then "  task: { description: Fix the failing tests }" or "  human_task: { title: Review the plan, assignee: alice }".';

/**
 * A step file's `waits_for:` front matter: `{ task: { description, agent? } }` or
 * `{ human_task: { title, assignee?, form? } }`. Undefined (and a diagnostic) when it is malformed.
 */
export function readStepWait(front: FrontMatter, diagnostics: Diagnostic[]): StepWait | undefined {
  const value = front.data.waits_for;
  if (value === undefined || value === null) return undefined;
  const bad = (path: readonly PropertyKey[], message: string): undefined => {
    diagnostics.push({ rule: 'guided_waits_for', severity: 'error', message, loc: front.at(['waits_for', ...path]), fix: example });
    return undefined;
  };
  if (!isRecord(value)) return bad([], 'waits_for must be a mapping with one key, task or human_task.');
  const kinds = Object.keys(value);
  if (kinds.length !== 1 || (kinds[0] !== 'task' && kinds[0] !== 'human_task')) {
    return bad([], `waits_for must have exactly one key, task or human_task; it has ${kinds.length === 0 ? 'none' : kinds.join(', ')}.`);
  }
  const kind = kinds[0];
  const spec = value[kind];
  if (!isRecord(spec)) return bad([kind], `waits_for.${kind} must be a mapping.`);
  const text = (key: string, required: boolean): string | undefined | false => {
    const field = spec[key];
    if (field === undefined || field === null) {
      if (!required) return undefined;
      bad([kind], `waits_for.${kind} needs a ${key}.`);
      return false;
    }
    if (typeof field === 'string' && field.trim() !== '') return field;
    bad([kind, key], `waits_for.${kind}.${key} must be non-empty text.`);
    return false;
  };
  if (kind === 'task') {
    const description = text('description', true);
    const agent = text('agent', false);
    if (description === false || description === undefined || agent === false) return undefined;
    return agent === undefined ? { kind: 'task', description } : { kind: 'task', description, agent };
  }
  const title = text('title', true);
  const assignee = text('assignee', false);
  if (title === false || title === undefined || assignee === false) return undefined;
  const wait: StepWait = { kind: 'human-task', title };
  if (assignee !== undefined) wait.assignee = assignee;
  if (spec.form !== undefined) wait.form = spec.form;
  return wait;
}
