import { useCallback, useEffect, useRef, useState } from 'react';
import { applyEdit, readEditorGraph, type DotEdit, type DotEditParseError, type EditorGraph } from './dot-edit';

/*
 * The open file's text and the graph read from it. The text is the source of truth: a graph edit
 * is applied to the text (a splice of its syntax tree) and the graph read again at once; typing in
 * the text re-reads the graph after a pause. A text that does not parse keeps the last good graph
 * and says why.
 */

export interface DotDocument {
  text: string;
  /** The last graph read from a text that parsed; undefined until one did. */
  graph: EditorGraph | undefined;
  /** Why the current text does not parse, if it does not. */
  parseError: DotEditParseError | undefined;
  /** Typed in the code view: the graph follows after `delayMs`. */
  type(next: string): void;
  /** Applies graph edits in order; returns why not when one cannot apply (the text is then unchanged). */
  edit(edits: readonly DotEdit[]): string | undefined;
  /** Replaces the whole text (a file just read). */
  reset(next: string): void;
}

interface Reading {
  graph: EditorGraph | undefined;
  parseError: DotEditParseError | undefined;
}

function readInto(previous: Reading, text: string): Reading {
  const result = readEditorGraph(text);
  return result.ok ? { graph: result.graph, parseError: undefined } : { graph: previous.graph, parseError: result.error };
}

export function useDotDocument(initial: string, delayMs = 250): DotDocument {
  const [text, setText] = useState(initial);
  const [reading, setReading] = useState<Reading>(() => readInto({ graph: undefined, parseError: undefined }, initial));
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = useCallback((next: string) => {
    clearTimeout(timer.current);
    latest.current = next;
    setText(next);
    setReading((previous) => readInto(previous, next));
  }, []);

  const type = useCallback(
    (next: string) => {
      latest.current = next;
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setReading((previous) => readInto(previous, latest.current)), delayMs);
    },
    [delayMs],
  );

  const edit = useCallback(
    (edits: readonly DotEdit[]) => {
      try {
        commit(edits.reduce((current, one) => applyEdit(current, one), latest.current));
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    [commit],
  );

  return { text, graph: reading.graph, parseError: reading.parseError, type, edit, reset: commit };
}
