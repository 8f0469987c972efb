import type { JsonValue } from '../forms/form-types';

/**
 * A task's context, as data: each key with its value as text (an object or list as indented JSON).
 * It comes from a run, a workflow or a caller, so nothing in it is ever read as HTML.
 */
export function ContextView({ context }: { context: Record<string, JsonValue> }) {
  const entries = Object.entries(context);
  if (entries.length === 0) return <p className="muted">No context.</p>;
  return (
    <dl className="facts context" data-testid="task-context">
      {entries.map(([key, value]) => (
        <div key={key} className="fact">
          <dt className="mono">{key}</dt>
          <dd>{typeof value === 'string' ? <span className="context-text">{value}</span> : <pre className="mono">{JSON.stringify(value, null, 2)}</pre>}</dd>
        </div>
      ))}
    </dl>
  );
}
