import { diffFiles } from './diff-files';

/** A unified diff, one block per file with its +/- counts; lines coloured and marked (+, -) so colour is not the only sign. */
export function DiffView({ diff }: { diff: string }) {
  const files = diffFiles(diff);
  if (files.length === 0) return <p className="muted">No changes against the base branch yet.</p>;
  return (
    <div className="diff" data-testid="task-diff">
      {files.map((file) => (
        <details key={file.path} open className="diff-file">
          <summary>
            <span className="mono">{file.path}</span> <span className="diff-added">+{file.added}</span> <span className="diff-removed">−{file.removed}</span>
          </summary>
          <pre className="diff-lines">
            {file.lines.map((line, index) => (
              <span key={index} className={`diff-line diff-${line.kind}`}>
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </details>
      ))}
    </div>
  );
}
