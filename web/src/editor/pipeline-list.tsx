import { useState, type FormEvent } from 'react';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { editorApi } from './editor-api';
import { fileNameProblem, newPipelineText } from './new-pipeline';

/** `#/editor/PROJECT/FILE`: the project is an absolute path and the file may have folders, each one segment. */
export const editorHref = (project: string, file: string) => hrefOf(['editor', project, file]);

/** `#/editor`: the .dot files of every project this Orchestra serves, and a form for a new one. */
export function PipelineList() {
  const projects = useApi<{ projects: string[] }>('/projects');
  if (projects.error) return <p role="alert" className="error">{projects.error.message}</p>;
  if (!projects.data) return <p className="muted">Loading…</p>;
  const list = projects.data.projects;
  return (
    <section aria-labelledby="editor-title" className="pipeline-list">
      <h1 id="editor-title">Editor</h1>
      <p className="muted">Open a pipeline to edit it as a graph and as DOT text, side by side, validated as you go.</p>
      {list.length === 0 && <p>Orchestra serves no project yet: run an orchestra command in one once to add it.</p>}
      {list.map((project) => <ProjectPipelines key={project} project={project} />)}
      {list.length > 0 && <NewPipelineForm projects={list} />}
    </section>
  );
}

function ProjectPipelines({ project }: { project: string }) {
  const files = useApi<{ files: string[] }>(`/pipelines?${new URLSearchParams({ project })}`);
  return (
    <section className="instances" aria-label={`Pipelines of ${project}`}>
      <h2 className="mono">{project}</h2>
      {files.error && <p role="alert" className="error">{files.error.message}</p>}
      {files.data?.files.length === 0 && <p className="muted">No .dot files yet.</p>}
      <ul className="file-list">
        {files.data?.files.map((file) => (
          <li key={file}>
            <a href={editorHref(project, file)} className="mono">{file}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewPipelineForm({ projects }: { projects: string[] }) {
  const [project, setProject] = useState(projects[0]!);
  const [file, setFile] = useState('pipelines/new-pipeline.dot');
  const [error, setError] = useState<string>();
  const create = (event: FormEvent) => {
    event.preventDefault();
    const problem = fileNameProblem(file);
    if (problem !== undefined) return setError(problem);
    editorApi.save(project, file, newPipelineText(file)).then(
      (saved) => window.location.assign(editorHref(project, saved.file)),
      (reason: Error) => setError(reason.message),
    );
  };
  return (
    <form className="new-pipeline" onSubmit={create} aria-labelledby="new-pipeline-title">
      <h2 id="new-pipeline-title">New pipeline</h2>
      {projects.length > 1 && (
        <label>
          Project{' '}
          <select value={project} onChange={(event) => setProject(event.target.value)}>
            {projects.map((one) => <option key={one} value={one}>{one}</option>)}
          </select>
        </label>
      )}
      <label>
        File <input value={file} onChange={(event) => setFile(event.target.value)} aria-invalid={error !== undefined} />
      </label>
      <button type="submit">New pipeline</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
