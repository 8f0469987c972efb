import { ColumnHeads } from './column-heads';
import type { ComposedPipelineView } from './types';

const columns = ['Pipeline', 'Goal', 'Inputs', 'Nodes', 'Used by'];

/** The project's pipelines as building blocks: each can run as a `type="pipeline"` node of another. */
export function PipelinesSection({ pipelines }: { pipelines: ComposedPipelineView[] }) {
  return (
    <section aria-labelledby="pipelines-title" className="library-section">
      <h2 id="pipelines-title">Composed pipelines</h2>
      <p className="muted">
        Any of these runs as one node of another pipeline: <code>review [type=&quot;pipeline&quot;, pipeline=&quot;FILE&quot;, pipeline.inputs=&quot;…&quot;]</code>, or as the child a
        manager loop supervises (<code>stack.child_dotfile</code>).
      </p>
      {pipelines.length === 0 ? (
        <p className="muted">No .dot files in this project yet.</p>
      ) : (
        <table className="runs-table" data-testid="pipelines-table">
          <ColumnHeads names={columns} />
          <tbody>
            {pipelines.map((pipeline) => (
              <tr key={pipeline.file} data-testid="pipeline-row">
                <th scope="row">
                  {pipeline.name} <code className="muted">{pipeline.file}</code>
                </th>
                <td>{pipeline.error !== undefined ? <span className="error">{pipeline.error}</span> : (pipeline.goal ?? <span className="muted">none</span>)}</td>
                <td>{pipeline.inputs.length > 0 ? pipeline.inputs.map((name) => <code key={name} className="input-name">${name}</code>) : <span className="muted">none</span>}</td>
                <td>{pipeline.nodes}</td>
                <td>{pipeline.usedBy.length > 0 ? pipeline.usedBy.map((file) => <code key={file} className="input-name">{file}</code>) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
