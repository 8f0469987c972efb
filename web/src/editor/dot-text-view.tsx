import { setDiagnostics, lintGutter, type Diagnostic } from '@codemirror/lint';
import { highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import { EditorView, minimalSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { DotEditParseError } from './dot-edit';
import { rangeOfDiagnostic, type DiagnosticView } from './lint-range';
import { changeBetween } from './text-change';

/*
 * The DOT text in CodeMirror 6 (its own chunk: loaded with the editor page, not the shell). It
 * reports what the author types and takes the graph's edits as splices, so the cursor and undo
 * history stay; the validator's diagnostics and a parse error are lint marks on their lines.
 */

interface Props {
  text: string;
  onType(text: string): void;
  /** The validator's, for `diagnosticsText`: shown only while the text is that one. */
  diagnostics: readonly DiagnosticView[];
  diagnosticsText: string;
  parseError: DotEditParseError | undefined;
}

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--surface)', color: 'var(--text)', fontSize: '13px' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace" },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
});

export default function DotTextView({ text, onType, diagnostics, diagnosticsText, parseError }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const typed = useRef(onType);
  typed.current = onType;
  /** True while a graph edit is spliced in: that change is not the author typing. */
  const splicing = useRef(false);

  useEffect(() => {
    // In a shadow root, CodeMirror's styles are constructed style sheets: the dashboard's CSP
    // (no inline <style>) would refuse the <style> element it adds to a document.
    const root = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      doc: text,
      root,
      parent: root,
      extensions: [
        // Not basicSetup: its word completion takes Enter while a list is open, and DOT gains little from it.
        minimalSetup,
        lineNumbers(),
        highlightActiveLine(),
        highlightActiveLineGutter(),
        EditorView.lineWrapping,
        lintGutter(),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': 'DOT text of the pipeline' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !splicing.current) typed.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The view is made once; later texts arrive as splices below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    const change = editor && changeBetween(editor.state.doc.toString(), text);
    if (!editor || !change) return;
    splicing.current = true;
    editor.dispatch({ changes: change });
    splicing.current = false;
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const marks: Diagnostic[] = [];
    if (diagnosticsText === text) for (const diagnostic of diagnostics) marks.push({ ...rangeOfDiagnostic(text, diagnostic), severity: diagnostic.severity, message: diagnostic.message, source: diagnostic.rule });
    if (parseError) marks.push({ ...rangeOfDiagnostic(text, parseError), severity: 'error', message: parseError.message, source: 'parse' });
    editor.dispatch(setDiagnostics(editor.state, marks));
  }, [text, diagnostics, diagnosticsText, parseError]);

  return <div ref={host} className="dot-text" data-testid="dot-text" />;
}
