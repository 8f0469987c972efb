import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../lib/api';
import { hrefOf } from '../lib/router';
import { editorApi } from './editor-api';
import { parseVariables } from './variables';

interface Props {
  project: string;
  /** The saved file, when the text is what is saved: the run then names the file. */
  file: string | undefined;
  text: string;
}

/**
 * Runs the pipeline from the editor (runs.start): the saved file when nothing changed since, else the
 * text as it stands; with `key=value` variables and, optionally, the simulation backend. The run's
 * page opens when it has started.
 */
export function RunForm({ project, file, text }: Props) {
  const id = useId();
  const [variables, setVariables] = useState('');
  const [simulate, setSimulate] = useState(false);
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const start = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseVariables(variables);
    if (!parsed.ok) return setError(parsed.message);
    setError(undefined);
    setStarting(true);
    editorApi
      .run({ project, ...(file !== undefined ? { file } : { source: text }), variables: parsed.variables, simulate })
      .then(({ runId }) => window.location.assign(hrefOf(['runs', runId])))
      .catch((reason: Error) => setError(reason instanceof ApiError ? [reason.message, ...reason.fields.map((issue) => `${issue.field}: ${issue.message}`)].join('; ') : reason.message))
      .finally(() => setStarting(false));
  };
  return (
    <form className="run-form" onSubmit={start} aria-label="Run the pipeline">
      <label htmlFor={`${id}-variables`}>Variables <span className="muted">(key=value, one a line)</span></label>
      <textarea id={`${id}-variables`} rows={3} value={variables} onChange={(event) => setVariables(event.target.value)} aria-invalid={error !== undefined} placeholder="topic=release notes" />
      <div className="run-form-actions">
        <label>
          <input type="checkbox" checked={simulate} onChange={(event) => setSimulate(event.target.checked)} /> Simulate (no model)
        </label>
        <button type="submit" disabled={starting}>{starting ? 'Starting…' : 'Run'}</button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
