import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { formIssues } from '../../../humans/tasks/validate-form.js';
import type { FormDefinition } from '../../../store/human-task-types.js';

/** The field a gate's choices become; `human.form` may not use the name. */
export const choiceField = 'choice';

/** A problem in a `human.form` value, at a character offset inside the value. */
export interface HumanFormProblem {
  message: string;
  offset: number;
}

export type HumanFormResult = { form: FormDefinition } | { problems: HumanFormProblem[] };

/**
 * A gate's extra fields, written in the DOT attribute as a YAML flow mapping (JSON is one too):
 * `human.form="{ comment: { type: textarea, label: 'Why?' } }"`. Checked like every form
 * (validate-form.ts), each problem at its offset in the value so the validator can point at it.
 */
export function parseHumanForm(text: string): HumanFormResult {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { problems: doc.errors.map((error) => ({ message: `not a YAML mapping: ${error.message.split('\n')[0]}`, offset: error.pos[0] })) };
  const raw: unknown = doc.toJS();
  const problems = formIssues(raw).map((found) => ({
    message: `${found.path.join('.') || 'human.form'}: ${found.message}`,
    offset: offsetOf(doc.contents, found.path),
  }));
  if (raw !== null && typeof raw === 'object' && choiceField in raw) {
    problems.push({ message: `the field name "${choiceField}" is the gate's own (its outgoing edges); name the field differently`, offset: offsetOf(doc.contents, [choiceField]) });
  }
  return problems.length > 0 ? { problems } : { form: raw as FormDefinition };
}

/** Where the item at `path` starts (its key for a mapping entry), or where the deepest part that exists does. */
export function offsetOf(root: unknown, path: readonly (string | number)[]): number {
  let node = root as Node | null | undefined;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      if (!node) break;
      offset = node.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}
