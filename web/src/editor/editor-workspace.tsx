import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../lib/api';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import type { AttributeCatalogue } from './attribute-catalogue';
import { AttributePanel } from './attribute-panel';
import type { DotEdit } from './dot-edit';
import { editorApi, type PipelineText } from './editor-api';
import { EditorGraphView } from './editor-graph-view';
import { freshNodeId } from './flow-model';
import { deletionEdits } from './graph-edits';
import { diagnosticsByNode } from './lint-range';
import { RunForm } from './run-form';
import { targetOf, type Selection } from './selection';
import { useDotDocument } from './use-dot-document';
import { useValidation } from './use-validation';
import './editor.css';

// CodeMirror is its own chunk, fetched as the editor opens.
const DotTextView = lazy(() => import('./dot-text-view'));

interface Props {
  project: string;
  loaded: PipelineText;
  colorMode: 'light' | 'dark' | 'system';
}

/** One open pipeline: the graph and the text side by side, the selection's attributes, save and run. */
export function EditorWorkspace({ project, loaded, colorMode }: Props) {
  const doc = useDotDocument(loaded.source);
  const [saved, setSaved] = useState({ text: loaded.source, version: loaded.version });
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const [selection, setSelection] = useState<Selection>({ kind: 'graph' });
  const [newId, setNewId] = useState('');
  const validation = useValidation(project, doc.text);
  const catalogue = useApi<AttributeCatalogue>('/pipelines/attributes');
  const byNode = useMemo(() => diagnosticsByNode(validation.diagnostics), [validation.diagnostics]);
  const dirty = doc.text !== saved.text;

  const edit = (edits: DotEdit[]) => {
    if (edits.length === 0) return;
    const why = doc.edit(edits);
    setMessage(why === undefined ? undefined : { error: true, text: why });
  };
  const save = () => {
    const text = doc.text;
    editorApi.save(project, loaded.file, text, saved.version).then(
      ({ version }) => {
        setSaved({ text, version });
        setMessage({ error: false, text: 'Saved.' });
      },
      (error: Error) => setMessage({ error: true, text: error instanceof ApiError && error.hint ? `${error.message} ${error.hint}` : error.message }),
    );
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 's') {
        event.preventDefault();
        save();
      }
    };
    const onLeave = (event: BeforeUnloadEvent) => dirty && event.preventDefault();
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  });

  const graph = doc.graph;
  const addNode = () => {
    if (!graph) return;
    const id = newId.trim() || freshNodeId(graph);
    const why = doc.edit([{ kind: 'add-node', id }]);
    setMessage(why === undefined ? undefined : { error: true, text: why });
    if (why === undefined) {
      setSelection({ kind: 'node', id });
      setNewId('');
    }
  };
  const errors = validation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = validation.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const current = graph && targetOf(graph, selection);

  return (
    <section aria-labelledby="editor-title" className="editor-page">
      <header className="page-header editor-toolbar">
        <h1 id="editor-title">
          <a href={hrefOf(['editor'])}>Editor</a> / <span className="mono">{loaded.file}</span>
          {dirty && <span className="muted" aria-label="unsaved changes"> •</span>}
        </h1>
        <span className="muted" data-testid="validation-summary" role="status">
          {validation.error ?? (validation.text === '' ? 'Validating…' : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`)}
        </span>
        {message && <span role={message.error ? 'alert' : 'status'} className={`editor-message ${message.error ? 'error' : 'muted'}`} data-testid="editor-message">{message.text}</span>}
        <div className="editor-actions">
          <input aria-label="New node id" placeholder={graph ? freshNodeId(graph) : 'node id'} value={newId} onChange={(event) => setNewId(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && addNode()} />
          <button type="button" onClick={addNode} disabled={!graph}>Add node</button>
          <button type="button" onClick={save} disabled={!dirty}>Save</button>
          <details className="run-menu">
            <summary>Run…</summary>
            <RunForm project={project} file={dirty ? undefined : loaded.file} text={doc.text} />
          </details>
        </div>
      </header>
      {doc.parseError && (
        <p role="alert" className="error" data-testid="parse-error">
          Line {doc.parseError.line}, column {doc.parseError.column}: {doc.parseError.message}. The graph shows the last text that parsed.
        </p>
      )}
      <div className="editor-body">
        {graph ? (
          <EditorGraphView graph={graph} diagnostics={byNode} selection={current!.selection} colorMode={colorMode} onSelect={setSelection} onEdit={edit} />
        ) : (
          <div className="graph-canvas muted">No graph yet: the text does not parse.</div>
        )}
        <Suspense fallback={<div className="dot-text muted">Loading the text editor…</div>}>
          <DotTextView text={doc.text} onType={doc.type} diagnostics={validation.diagnostics} diagnosticsText={validation.text} parseError={doc.parseError} />
        </Suspense>
        {current && (
          <AttributePanel
            catalogue={catalogue.data}
            target={current.target}
            onSet={(key, value) => edit([setAttribute(current.selection, key, value)])}
            {...(current.selection.kind !== 'graph' && {
              onDelete: () => {
                const chosen = current.selection;
                edit(deletionEdits(graph, chosen.kind === 'node' ? [chosen.id] : [], chosen.kind === 'edge' ? [chosen.id] : []));
                setSelection({ kind: 'graph' });
              },
            })}
          />
        )}
      </div>
    </section>
  );
}

function setAttribute(selection: Selection, key: string, value: string | undefined): DotEdit {
  if (selection.kind === 'node') return { kind: 'set-node-attr', id: selection.id, key, value };
  if (selection.kind === 'edge') return { kind: 'set-edge-attr', edge: selection.id, key, value };
  return { kind: 'set-graph-attr', key, value };
}
