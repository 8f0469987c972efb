import type { CstFile } from './cst.js';
import { addEdge, removeEdge, setEdgeAttrStep } from './edge-edits.js';
import { DotEditError } from './errors.js';
import { formatPos } from './format.js';
import { requireNode } from './locate.js';
import { setGraphAttrStep } from './graph-edits.js';
import { addNode, removeNodeStep, setNodeAttrStep } from './node-edits.js';
import { parseCst } from './cst-parser.js';
import { parseChecked } from './parse-checked.js';
import { applySplices, type Splice } from './splice.js';
import type { DotEdit } from './types.js';

/** Far more steps than any edit needs (one per statement touched): a guard against a loop, never a limit. */
const MAX_STEPS = 10_000;

/**
 * Applies one edit by splicing the text; everything the edit does not touch stays byte for byte.
 * Edits that touch several places take them one step at a time, reading the text again after each
 * splice, so no step works from stale offsets.
 */
export function applyEdit(text: string, edit: DotEdit): string {
  const result = run(text, edit);
  const check = parseChecked(result);
  if (!check.ok) throw new DotEditError(`The ${edit.kind} edit would leave text that does not parse (${check.error.line}:${check.error.column}: ${check.error.message})`);
  return result;
}

function run(text: string, edit: DotEdit): string {
  switch (edit.kind) {
    case 'add-node':
      return once(text, (file) => addNode(text, file, edit.id, edit.attrs));
    case 'remove-node':
      requireNode(parsed(text), edit.id);
      return repeat(text, (current, file) => removeNodeStep(current, file, edit.id));
    case 'set-node-attr':
      return repeat(text, (current, file) => setNodeAttrStep(current, file, edit.id, edit.key, edit.value));
    case 'set-pos':
      return run(text, { kind: 'set-node-attr', id: edit.id, key: 'pos', value: formatPos(edit.x, edit.y) });
    case 'add-edge':
      return once(text, (file) => addEdge(text, file, edit.from, edit.to, edit.attrs));
    case 'remove-edge':
      return once(text, (file) => removeEdge(text, file, edit.edge));
    case 'set-edge-attr':
      return repeat(text, (current, file) => setEdgeAttrStep(current, file, edit.edge, edit.key, edit.value));
    case 'set-graph-attr':
      return repeat(text, (current, file) => setGraphAttrStep(current, file, edit.key, edit.value));
  }
}

function parsed(text: string): CstFile {
  const result = parseChecked(text);
  if (!result.ok) {
    const { line, column, message } = result.error;
    throw new DotEditError(`The text does not parse at ${line}:${column} (${message}), so the graph cannot be edited`, 'Fix the text first: the editor shows where.');
  }
  return result.file;
}

function once(text: string, step: (file: CstFile) => Splice[]): string {
  return applySplices(text, step(parsed(text)));
}

/**
 * Steps until one says there is nothing left to do: a removal takes every occurrence, a set stops
 * once the text says the value (so setting what is already there changes nothing).
 */
function repeat(text: string, step: (text: string, file: CstFile) => Splice[] | undefined): string {
  let current = text;
  for (let count = 0; count < MAX_STEPS; count++) {
    // The text given is checked by the real parser; the texts the steps make are checked once, at the end.
    const splices = step(current, count === 0 ? parsed(current) : parseCst(current));
    if (splices === undefined) return current;
    current = applySplices(current, splices);
  }
  throw new DotEditError('The edit did not settle: this is a bug in the DOT editor, please report it with the file.');
}
