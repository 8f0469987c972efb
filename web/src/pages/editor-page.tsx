import { useEffect, useState } from 'react';
import { editorApi, type PipelineText } from '../editor/editor-api';
import { EditorWorkspace } from '../editor/editor-workspace';
import { PipelineList } from '../editor/pipeline-list';
import type { Route } from '../lib/router';

interface Props {
  route: Route;
  colorMode: 'light' | 'dark' | 'system';
}

/** The pipeline editor: `#/editor` lists the pipelines, `#/editor/PROJECT/FILE` opens one. */
export default function EditorPage({ route, colorMode }: Props) {
  const [, project, ...file] = route.segments;
  if (project === undefined || file.length === 0) return <PipelineList />;
  const path = file.join('/');
  return <OpenPipeline key={`${project}\n${path}`} project={project} file={path} colorMode={colorMode} />;
}

function OpenPipeline({ project, file, colorMode }: { project: string; file: string; colorMode: Props['colorMode'] }) {
  const [loaded, setLoaded] = useState<PipelineText>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    editorApi.read(project, file).then(setLoaded, (reason: Error) => setError(reason.message));
  }, [project, file]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!loaded) return <p className="muted">Loading {file}…</p>;
  return <EditorWorkspace project={project} loaded={loaded} colorMode={colorMode} />;
}
